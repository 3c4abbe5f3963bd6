import type Mail from "nodemailer/lib/mailer";
import { notificationTypes } from "@/lib/notifications/types";
import { absoluteUrl, siteName } from "@/lib/site/config";
import { mailFrom } from "./config";
import { createUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-token";

// Turns queued notifications into email: plain text and simple HTML. Titles
// and messages are written by users (course and thread titles), so every piece
// of them is escaped in the HTML part.

export interface MailItem {
  title: string;
  message: string;
  /** A path inside the site. */
  link: string;
}

export interface Recipient {
  id: string;
  email: string;
  name: string | null;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A link stored as a site path becomes an absolute URL; anything else is not trusted as a link. */
function linkFor(path: string): string {
  return absoluteUrl(path.startsWith("/") && !path.startsWith("//") ? path : "/");
}

export function unsubscribeUrl(scope: UnsubscribeScope): string {
  return absoluteUrl(`/api/unsubscribe?token=${encodeURIComponent(createUnsubscribeToken(scope))}`);
}

const typeLabel = (type: string) => notificationTypes.find((t) => t.type === type)?.label ?? "these notifications";

interface Footer {
  unsubscribeText: string;
  unsubscribePageUrl: string;
  preferencesUrl: string;
}

function footerFor(scope: UnsubscribeScope): Footer {
  const token = encodeURIComponent(createUnsubscribeToken(scope));
  return {
    unsubscribeText: scope.type === "all" ? "Stop all email" : `Stop email about ${typeLabel(scope.type).toLowerCase()}`,
    // The page (not the API) for people: it asks before it changes anything,
    // so a mail scanner that follows links turns nothing off.
    unsubscribePageUrl: absoluteUrl(`/unsubscribe?token=${token}`),
    preferencesUrl: absoluteUrl("/settings/notifications"),
  };
}

const textFooter = (footer: Footer) =>
  `--\n${footer.unsubscribeText}: ${footer.unsubscribePageUrl}\nChoose what you receive: ${footer.preferencesUrl}\n`;

const htmlFooter = (footer: Footer) =>
  `<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0 12px">` +
  `<p style="font-size:13px;color:#475569"><a href="${escapeHtml(footer.unsubscribePageUrl)}" style="color:#1d4ed8">${escapeHtml(footer.unsubscribeText)}</a>` +
  ` · <a href="${escapeHtml(footer.preferencesUrl)}" style="color:#1d4ed8">Choose what you receive</a></p>`;

const htmlPage = (body: string) =>
  `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5;max-width:40rem;margin:0 auto;padding:16px">${body}</body></html>`;

const htmlItem = (item: MailItem, heading: "h1" | "h2") =>
  `<${heading} style="font-size:${heading === "h1" ? 20 : 16}px;margin:16px 0 4px">${escapeHtml(item.title)}</${heading}>` +
  (item.message ? `<p style="margin:0 0 8px;white-space:pre-line">${escapeHtml(item.message)}</p>` : "") +
  `<p style="margin:0 0 8px"><a href="${escapeHtml(linkFor(item.link))}" style="color:#1d4ed8">Open in ${escapeHtml(siteName())}</a></p>`;

const textItem = (item: MailItem) => `${item.title}\n${item.message ? `${item.message}\n` : ""}${linkFor(item.link)}\n`;

/** RFC 2369 / RFC 8058 headers: mail clients show an unsubscribe button that POSTs to the one-click endpoint. */
function listHeaders(scope: UnsubscribeScope) {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(scope)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

const addressOf = (recipient: Recipient) => (recipient.name ? { name: recipient.name, address: recipient.email } : recipient.email);

/** One notification as one email; its unsubscribe link turns off email of its type. */
export function notificationMail(recipient: Recipient, item: MailItem & { type: string }): Mail.Options {
  const scope: UnsubscribeScope = { userId: recipient.id, type: notificationTypes.some((t) => t.type === item.type) ? (item.type as UnsubscribeScope["type"]) : "all" };
  const footer = footerFor(scope);
  return {
    from: mailFrom(),
    to: addressOf(recipient),
    subject: item.title.replace(/\s+/g, " ").trim(),
    text: `${textItem(item)}\n${textFooter(footer)}`,
    html: htmlPage(htmlItem(item, "h1") + htmlFooter(footer)),
    headers: listHeaders(scope),
  };
}

/** The day's digest: every gathered item with its link; its unsubscribe link turns off all email. */
export function digestMail(recipient: Recipient, items: MailItem[]): Mail.Options {
  const scope: UnsubscribeScope = { userId: recipient.id, type: "all" };
  const footer = footerFor(scope);
  const subject = `Your daily summary from ${siteName()}: ${items.length} ${items.length === 1 ? "update" : "updates"}`;
  return {
    from: mailFrom(),
    to: addressOf(recipient),
    subject,
    text: `${subject}\n\n${items.map(textItem).join("\n")}\n${textFooter(footer)}`,
    html: htmlPage(`<h1 style="font-size:20px">${escapeHtml(subject)}</h1>${items.map((item) => htmlItem(item, "h2")).join("")}${htmlFooter(footer)}`),
    headers: listHeaders(scope),
  };
}

/**
 * An email about the recipient's own account (invitation, password reset): a
 * greeting, the message and the one link, in plain text and HTML. No
 * unsubscribe footer: nobody opts out of the link to their own account.
 */
export function accountMail(recipient: Recipient, item: MailItem): Mail.Options {
  const link = linkFor(item.link);
  const greeting = recipient.name ? `Hello ${recipient.name},` : "Hello,";
  return {
    from: mailFrom(),
    to: addressOf(recipient),
    subject: item.title.replace(/\s+/g, " ").trim(),
    text: `${greeting}\n\n${item.message}\n\nSet your password: ${link}\n\n--\n${siteName()}\n`,
    html: htmlPage(
      `<h1 style="font-size:20px;margin:16px 0 8px">${escapeHtml(item.title)}</h1>` +
        `<p style="margin:0 0 8px">${escapeHtml(greeting)}</p>` +
        `<p style="margin:0 0 16px;white-space:pre-line">${escapeHtml(item.message)}</p>` +
        `<p style="margin:0 0 16px"><a href="${escapeHtml(link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">Set your password</a></p>` +
        `<p style="margin:0 0 8px;font-size:13px;color:#475569">If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(link)}</span></p>`,
    ),
  };
}
