// The editor's refusals. A missing course and someone else's course read the
// same, so ids cannot be probed; the others tell the teacher to look again.

export const courseNotFoundMessage = "This course does not exist, or you cannot edit it.";
export const moduleNotFoundMessage = "This module does not exist. The page now shows the course as it is.";
export const lessonNotFoundMessage = "This lesson does not exist. The page now shows the course as it is.";
export const staleOrderMessage = "The course changed while you were editing. The page now shows it as it is; try again.";
