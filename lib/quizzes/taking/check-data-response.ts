import type { StoredResponse } from "@/db/schema/quizzes";
import { fail } from "@/lib/actions/result";
import { essayMaxLength, readQuestionData, type DataQuestionType } from "../question-data";
import type { SaveAnswerInput } from "./schemas";

const refuse = (message: string): never => fail(message, { response: [message] });

/**
 * An answer to a matching, ordering, cloze or essay question in its type's
 * shape, every id checked against the question's own data: a browser can send
 * anything, and a stored answer must only ever point at this question's rows.
 */
export function checkedDataResponse(type: DataQuestionType, data: unknown, response: SaveAnswerInput["response"]): StoredResponse {
  switch (type) {
    case "essay": {
      if (!("text" in response)) return refuse("Write your answer.");
      if (response.text.length > essayMaxLength) return refuse(`Keep your answer under ${essayMaxLength} characters.`);
      return { text: response.text };
    }
    case "matching": {
      const question = readQuestionData("matching", data);
      if (!("matches" in response) || !question) return refuse("Match each item with one of the answers.");
      const prompts = new Set(question.prompts.map((prompt) => prompt.id));
      const answers = new Set(question.answers.map((answer) => answer.id));
      const matches: Record<string, string> = {};
      for (const [promptId, answerId] of Object.entries(response.matches)) {
        if (!prompts.has(promptId) || (answerId !== "" && !answers.has(answerId))) return refuse("Match each item with one of the answers.");
        if (answerId !== "") matches[promptId] = answerId;
      }
      return { matches };
    }
    case "ordering": {
      const question = readQuestionData("ordering", data);
      if (!("order" in response) || !question) return refuse("Put the items in order.");
      const items = new Set(question.items.map((item) => item.id));
      const order = response.order;
      // A whole order, each item once: anything else is not an order of these items.
      if (order.length !== items.size || new Set(order).size !== order.length || order.some((id) => !items.has(id))) return refuse("Put the items in order.");
      return { order };
    }
    case "cloze": {
      const question = readQuestionData("cloze", data);
      if (!("gaps" in response) || !question) return refuse("Fill in the blanks.");
      if (response.gaps.length > question.gaps.length) return refuse("Fill in the blanks.");
      const gaps = question.gaps.map((gap, index) => {
        const value = response.gaps[index] ?? "";
        if (gap.kind === "dropdown" && value !== "" && !gap.options.some((option) => option.id === value)) return refuse("Choose one of the options for each blank.");
        return value;
      });
      return { gaps };
    }
    default: {
      const _unknown: never = type;
      return refuse("Type your answer.");
    }
  }
}
