// The demo's announcement and discussion, so a new site shows both (and the
// notifications they cause) before anyone has posted.

const s = (n: number) => (n === 1 ? "student@jeevi.example" : `student${n}@jeevi.example`);

export interface DemoAnnouncement {
  courseSlug: string;
  title: string;
  body: string;
}

export interface DemoThread {
  courseSlug: string;
  /** The lesson (by position in the course) the thread is about. */
  lessonIndex: number;
  title: string;
  /** The opening post first; each by email (the course's teacher among them). */
  posts: { email: string; body: string }[];
}

export const demoAnnouncements: DemoAnnouncement[] = [
  {
    courseSlug: "mechanics-motion-and-forces",
    title: "Welcome, and how this course works",
    body:
      "Welcome to **Mechanics**! Work through one module a week; each lesson takes about fifteen minutes.\n\n" +
      "- Ask questions in the *Discussions*: someone else probably wonders too.\n" +
      "- Mark each lesson complete when you are done; your progress is on *My progress*.",
  },
];

export const demoThreads: DemoThread[] = [
  {
    courseSlug: "mechanics-motion-and-forces",
    lessonIndex: 0,
    title: "Is speed the same as velocity?",
    posts: [
      { email: s(2), body: "The lesson uses both words. Is there a difference, or are they the same thing?" },
      { email: s(1), body: "I think velocity has a direction and speed does not, but I am not sure why that matters." },
      {
        email: "teacher@jeevi.example",
        body:
          "Good question, and a good answer. **Velocity** is a vector: how fast *and* which way. **Speed** is its size only.\n\n" +
          "It matters when the direction changes: a car driving round a bend at a steady 50 km/h has a constant speed but a changing velocity, so it is accelerating.",
      },
    ],
  },
];
