import type { CourseStatus, CourseVisibility, LessonContentType } from "@/db/schema/enums";

export interface DemoLesson {
  title: string;
  type: LessonContentType;
  minutes: number;
  body?: string;
  url?: string;
  /** A file in lib/seed/files/, stored like an upload. */
  file?: string;
}

export interface DemoCourse {
  slug: string;
  title: string;
  subject: string;
  teacherEmail: string;
  status: CourseStatus;
  visibility: CourseVisibility;
  enrollmentKey?: string;
  description: string;
  learningObjectives: string;
  prerequisites: string;
  modules: { title: string; description: string; lessons: DemoLesson[] }[];
  /**
   * Student emails with how many lessons (in order) each has completed, and
   * for a student who has gone quiet, how many days ago it was last active
   * (the teacher's progress view flags it as at risk after 7).
   */
  enrollments: { email: string; completedLessons: number; lastActiveDaysAgo?: number }[];
}

const s = (n: number) => (n === 1 ? "student@jeevi.example" : `student${n}@jeevi.example`);

export const demoCourses: DemoCourse[] = [
  {
    slug: "mechanics-motion-and-forces",
    title: "Mechanics: Motion and Forces",
    subject: "physics",
    teacherEmail: "teacher@jeevi.example",
    status: "published",
    visibility: "public",
    description:
      "An introduction to classical mechanics: how objects move, why they move, and how to predict their motion with **Newton's laws**. Worked examples, short videos and practice problems throughout.",
    learningObjectives:
      "- Describe motion with displacement, velocity and acceleration\n- Apply Newton's three laws to everyday situations\n- Solve problems with free-body diagrams",
    prerequisites: "Basic algebra and comfort with graphs.",
    modules: [
      {
        title: "Describing motion",
        description: "Kinematics in one dimension.",
        lessons: [
          {
            title: "Position, displacement and distance",
            type: "text",
            minutes: 15,
            body: "## Where is it?\n\nPosition is measured from a chosen **origin**. Displacement is the change in position, `Δx = x₂ − x₁`, and has a direction; distance is the total path length and never negative.\n\n> A runner who completes one lap of a 400 m track has run a distance of 400 m and has a displacement of 0 m.",
          },
          {
            title: "Velocity and speed",
            type: "video",
            minutes: 12,
            url: "https://www.youtube.com/watch?v=ZM8ECpBuQYE",
            body: "Watch the video, then explain in your own words why average velocity can be zero while average speed is not.",
          },
          {
            title: "Acceleration",
            type: "text",
            minutes: 20,
            body: "## Changing velocity\n\nAcceleration is the rate of change of velocity: `a = Δv / Δt`, measured in m/s².\n\nFor constant acceleration:\n\n- `v = u + at`\n- `s = ut + ½at²`\n- `v² = u² + 2as`",
          },
        ],
      },
      {
        title: "Newton's laws",
        description: "Forces and how they change motion.",
        lessons: [
          {
            title: "The first law: inertia",
            type: "text",
            minutes: 15,
            body: "An object stays at rest or moves in a straight line at constant speed unless a **net force** acts on it.",
          },
          {
            title: "The second law: F = ma",
            type: "text",
            minutes: 20,
            body: "The net force on an object equals its mass times its acceleration. One newton accelerates one kilogram by 1 m/s².",
          },
          {
            title: "Reading: Newton's laws of motion",
            type: "url",
            minutes: 25,
            url: "https://en.wikipedia.org/wiki/Newton%27s_laws_of_motion",
            body: "Read the sections on the three laws; skip the history if you are short of time.",
          },
        ],
      },
    ],
    enrollments: [
      { email: s(1), completedLessons: 3 },
      { email: s(2), completedLessons: 6 },
      { email: s(3), completedLessons: 1 },
      { email: s(4), completedLessons: 0, lastActiveDaysAgo: 12 },
      { email: s(5), completedLessons: 4 },
    ],
  },
  {
    slug: "foundations-of-chemistry",
    title: "Foundations of Chemistry",
    subject: "chemistry",
    teacherEmail: "teacher2@jeevi.example",
    status: "published",
    visibility: "public",
    description:
      "Atoms, the periodic table and chemical bonding: the ideas every other chemistry course builds on, with simple experiments you can follow at home.",
    learningObjectives:
      "- Explain the structure of the atom\n- Use the periodic table to predict properties\n- Tell ionic from covalent bonds",
    prerequisites: "None.",
    modules: [
      {
        title: "Atoms",
        description: "What everything is made of.",
        lessons: [
          {
            title: "Inside the atom",
            type: "text",
            minutes: 15,
            body: "Atoms have a dense nucleus of **protons** and **neutrons**, surrounded by **electrons**. The number of protons is the atomic number.",
          },
          {
            title: "Isotopes",
            type: "text",
            minutes: 10,
            body: "Isotopes of an element have the same number of protons but different numbers of neutrons, e.g. carbon-12 and carbon-14.",
          },
        ],
      },
      {
        title: "The periodic table",
        description: "Patterns in the elements.",
        lessons: [
          {
            title: "Groups and periods",
            type: "video",
            minutes: 11,
            url: "https://www.youtube.com/watch?v=0RRVV4Diomg",
          },
          {
            title: "Explore an interactive periodic table",
            type: "url",
            minutes: 15,
            url: "https://pubchem.ncbi.nlm.nih.gov/periodic-table/",
          },
          {
            title: "Chemical bonds",
            type: "text",
            minutes: 20,
            body: "In an **ionic** bond electrons move from one atom to another; in a **covalent** bond atoms share electron pairs.",
          },
        ],
      },
    ],
    enrollments: [
      { email: s(1), completedLessons: 5 },
      { email: s(6), completedLessons: 2 },
      { email: s(7), completedLessons: 0 },
    ],
  },
  {
    slug: "algebra-essentials",
    title: "Algebra Essentials",
    subject: "mathematics",
    teacherEmail: "teacher@jeevi.example",
    status: "published",
    visibility: "public",
    description:
      "Expressions, equations and functions, step by step. Each lesson ends with practice so you can check your understanding before moving on.",
    learningObjectives: "- Simplify expressions\n- Solve linear and quadratic equations\n- Read and sketch graphs of functions",
    prerequisites: "Arithmetic with fractions and negative numbers.",
    modules: [
      {
        title: "Expressions and equations",
        description: "The language of algebra.",
        lessons: [
          {
            title: "Variables and expressions",
            type: "text",
            minutes: 12,
            body: "A variable stands for a number we do not know yet. `3x + 2` is an expression; `3x + 2 = 11` is an equation.",
          },
          {
            title: "Solving linear equations",
            type: "text",
            minutes: 18,
            body: "Do the same thing to both sides until the variable stands alone: `3x + 2 = 11` → `3x = 9` → `x = 3`.",
          },
        ],
      },
      {
        title: "Quadratics",
        description: "Equations with a squared term.",
        lessons: [
          {
            title: "Factorising quadratics",
            type: "video",
            minutes: 14,
            url: "https://www.youtube.com/watch?v=eF6zYNzlZKQ",
          },
          {
            title: "The quadratic formula",
            type: "text",
            minutes: 20,
            body: "For `ax² + bx + c = 0`: `x = (−b ± √(b² − 4ac)) / 2a`. The discriminant `b² − 4ac` tells how many real roots there are.",
          },
          {
            title: "Formula sheet",
            type: "file",
            minutes: 5,
            body: "Download the formula sheet and keep it next to you while you practise.",
            file: "quadratic-formula-sheet.pdf",
          },
        ],
      },
    ],
    enrollments: [
      { email: s(2), completedLessons: 1 },
      { email: s(8), completedLessons: 5 },
      { email: s(9), completedLessons: 2 },
    ],
  },
  {
    slug: "cell-biology",
    title: "Cell Biology: The Unit of Life",
    subject: "biology",
    teacherEmail: "teacher2@jeevi.example",
    status: "published",
    visibility: "public",
    description: "From organelles to cell division: how cells are built, how they work and how they make more cells.",
    learningObjectives:
      "- Name the main organelles and their jobs\n- Compare plant and animal cells\n- Describe mitosis",
    prerequisites: "None.",
    modules: [
      {
        title: "Cell structure",
        description: "Organelles and membranes.",
        lessons: [
          {
            title: "Plant and animal cells",
            type: "text",
            minutes: 15,
            body: "Both have a nucleus, cytoplasm, a cell membrane and mitochondria. Plant cells also have a **cell wall**, **chloroplasts** and a large vacuole.",
          },
          {
            title: "The cell membrane",
            type: "video",
            minutes: 9,
            url: "https://www.youtube.com/watch?v=moPJkCbKjBs",
          },
        ],
      },
      {
        title: "Cell division",
        description: "How one cell becomes two.",
        lessons: [
          {
            title: "Mitosis step by step",
            type: "text",
            minutes: 20,
            body: "Prophase, metaphase, anaphase, telophase, then cytokinesis splits the cytoplasm.",
          },
        ],
      },
    ],
    enrollments: [
      { email: s(3), completedLessons: 3 },
      { email: s(10), completedLessons: 1 },
    ],
  },
  {
    slug: "thermodynamics",
    title: "Thermodynamics",
    subject: "physics",
    teacherEmail: "teacher@jeevi.example",
    status: "draft",
    visibility: "public",
    description: "Heat, work and energy. (In preparation.)",
    learningObjectives: "- State the laws of thermodynamics",
    prerequisites: "Mechanics: Motion and Forces.",
    modules: [
      {
        title: "Temperature and heat",
        description: "",
        lessons: [
          {
            title: "What temperature measures",
            type: "text",
            minutes: 10,
            body: "Temperature measures the average kinetic energy of particles.",
          },
        ],
      },
    ],
    enrollments: [],
  },
  {
    slug: "calculus-study-group",
    title: "Calculus Study Group",
    subject: "mathematics",
    teacherEmail: "teacher2@jeevi.example",
    status: "published",
    visibility: "private",
    enrollmentKey: "LIMITS-2026",
    description: "A private study group for students preparing for their calculus exam. Ask your teacher for the enrolment key.",
    learningObjectives: "- Compute limits and derivatives\n- Apply differentiation to rates of change",
    prerequisites: "Algebra Essentials.",
    modules: [
      {
        title: "Limits",
        description: "",
        lessons: [
          {
            title: "The idea of a limit",
            type: "text",
            minutes: 15,
            body: "The limit of f(x) as x approaches a is the value f(x) gets arbitrarily close to.",
          },
          {
            title: "Derivatives from first principles",
            type: "text",
            minutes: 20,
            body: "f′(x) = lim_{h→0} (f(x + h) − f(x)) / h",
          },
        ],
      },
    ],
    enrollments: [{ email: s(11), completedLessons: 1 }],
  },
];
