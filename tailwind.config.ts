import type { Config } from "tailwindcss";

// Theme tokens for Jeevi Academy, loaded by app/globals.css through @config.
// Colours are chosen for WCAG AA contrast on white and on the brand surfaces.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          200: "#bcdaff",
          500: "#2f6fde",
          600: "#1f56c2",
          700: "#1b459c",
          800: "#1c3d7e",
          900: "#1c3464",
        },
        ink: {
          DEFAULT: "#172033",
          muted: "#4a5568",
        },
        success: { 50: "#ecfdf3", 700: "#166534" },
        danger: { 50: "#fef2f2", 600: "#c81e1e", 700: "#a51616" },
        warning: { 50: "#fffbeb", 800: "#854d0e" },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
      },
      borderRadius: {
        card: "0.75rem",
      },
      maxWidth: {
        page: "72rem",
      },
    },
  },
} satisfies Config;
