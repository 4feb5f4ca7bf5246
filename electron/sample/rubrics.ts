// The seven sample micro-credentials with their rubrics (Open Badges 3.0 Achievements).
import type { Achievement, Criterion } from '../../shared/schemas/review-package.js';
import type { Rgb } from './png.js';

export const ISSUER_URL = 'https://pd.riverside.example.edu';

export type AchievementKey =
  | 'core-stem'
  | 'digital-fluency'
  | 'instructional-leadership'
  | 'performance-assessment'
  | 'creative-thinking'
  | 'global-graduates'
  | 'professional-learning';

type SectionId = 'overview' | 'work-examples' | 'reflection';

interface CriterionDef {
  slug: string;
  name: string;
  section: SectionId;
  /** One descriptor per level, lowest first. */
  levels: string[];
}

export interface AchievementDef {
  key: AchievementKey;
  name: string;
  initials: string;
  colour: Rgb;
  shape: 'hexagon' | 'circle';
  description: string;
  narrative: string;
  credits: number;
  unit: string;
  tags: string[];
  prompts: Record<SectionId, string>;
  /** Names of the levels, lowest first; points run 0, 1, 2, ... */
  levelNames: string[];
  /** Index of the level every criterion requires, when the rule uses required levels. */
  requiredIndex?: number;
  passingPoints?: number;
  criteria: CriterionDef[];
}

const FOUR = ['Not yet', 'Developing', 'Proficient', 'Exemplary'];

export const achievementId = (key: AchievementKey) => `${ISSUER_URL}/achievements/${key}/v1`;

export const ACHIEVEMENTS: AchievementDef[] = [
  {
    key: 'core-stem',
    name: 'Core STEM Teaching Practices',
    initials: 'CS',
    colour: [38, 120, 178],
    shape: 'hexagon',
    description:
      'The educator designs and facilitates inquiry-based STEM learning in which students investigate authentic questions, use mathematics and engineering practices to make sense of phenomena, and argue from evidence.',
    narrative:
      'Submit a lesson plan for an inquiry-based STEM lesson you have taught, samples of student work, and a short classroom video (10 minutes or less) or photographs of students investigating. Answer the overview questions and write a reflection on what the evidence shows about student learning. Every criterion must reach Proficient and the total must be at least 9 of 12 points.',
    credits: 15,
    unit: 'professional development hours',
    tags: ['STEM', 'Inquiry', 'Science', 'Mathematics'],
    prompts: {
      overview:
        'Describe your teaching context: grade level, subject, number of students and any learner needs that shaped this lesson. What phenomenon or problem did the lesson center on?',
      'work-examples':
        'Upload the lesson plan, at least one sample of student work, and a classroom video or photographs that show students investigating.',
      reflection:
        'Using your evidence, explain what students learned and how you know. What would you change the next time you teach this lesson, and why?',
    },
    levelNames: FOUR,
    requiredIndex: 2,
    passingPoints: 9,
    criteria: [
      {
        slug: 'inquiry',
        name: 'Designs an inquiry-based investigation',
        section: 'work-examples',
        levels: [
          'The lesson is teacher-directed throughout; students follow a set procedure to confirm a known result.',
          'Students pose questions, but the investigation and its procedure are chosen by the teacher.',
          'Students investigate a question about an authentic phenomenon and make at least one design or procedural decision themselves.',
          'Students generate and refine their own investigable questions, plan the investigation and revise it in light of what they find.',
        ],
      },
      {
        slug: 'integration',
        name: 'Integrates mathematics and engineering practices',
        section: 'work-examples',
        levels: [
          'Mathematics or engineering appears only as a separate add-on activity unrelated to the investigation.',
          'Students collect measurements or build a design but do not use mathematics to analyse or improve it.',
          'Students use mathematical representations (tables, graphs, rates) to analyse data and justify a design decision.',
          'Students iterate on a design against quantitative criteria and constraints, and explain trade-offs with data.',
        ],
      },
      {
        slug: 'discourse',
        name: 'Facilitates evidence-based discourse',
        section: 'work-examples',
        levels: [
          'Talk is mainly teacher questions with single right answers; students do not refer to evidence.',
          'Students share findings, but claims are rarely connected to their data or challenged by peers.',
          "Students make claims supported by evidence and respond to one another's reasoning with teacher prompting.",
          "Students routinely critique and build on each other's claims using evidence while the teacher steps back.",
        ],
      },
      {
        slug: 'next-steps',
        name: 'Uses evidence of learning to plan next steps',
        section: 'reflection',
        levels: [
          'The reflection describes the activity without reference to what students learned.',
          'The reflection names learning outcomes but relies on impressions rather than the submitted evidence.',
          'The reflection analyses student work to identify what students learned and proposes a specific revision.',
          'The reflection analyses patterns across groups of students, identifies misconceptions and justifies revisions with evidence.',
        ],
      },
    ],
  },
  {
    key: 'digital-fluency',
    name: 'Digital Fluency',
    initials: 'DF',
    colour: [112, 72, 168],
    shape: 'circle',
    description:
      'The educator selects and uses digital tools purposefully so that students create, collaborate and communicate with technology, and teaches students to act safely, ethically and critically online.',
    narrative:
      'Submit a lesson or project plan in which students use digital tools to create, a sample of student-created digital work, and a reflection on your tool choices and on digital citizenship. This rubric is scored on points only: the submission earns the micro-credential with at least 8 of 12 points.',
    credits: 1,
    unit: 'graduate credit',
    tags: ['Technology', 'Digital citizenship', 'Media literacy'],
    prompts: {
      overview:
        'Describe your students, the devices and connectivity they have at school and at home, and the learning goal the digital work served.',
      'work-examples':
        'Upload the project plan and at least one piece of digital work students created (a file or a link).',
      reflection:
        'Why did you choose these tools over the alternatives? How did students practise responsible and critical use, and what will you change?',
    },
    levelNames: FOUR,
    passingPoints: 8,
    criteria: [
      {
        slug: 'purpose',
        name: 'Selects digital tools for a clear learning purpose',
        section: 'work-examples',
        levels: [
          'Technology is used for its own sake or as a substitute for paper with no change to the task.',
          'The tool supports the task, but the plan does not explain why it was chosen over alternatives.',
          'The tool is chosen for a stated learning purpose and changes what students can do.',
          'Students help evaluate and choose tools, and the plan compares options against the learning goals.',
        ],
      },
      {
        slug: 'creation',
        name: 'Students create with technology',
        section: 'work-examples',
        levels: [
          'Students consume digital content (videos, quizzes) but do not produce anything.',
          'Students produce digital work by following a template with little room for choice.',
          'Students design and produce original digital work for a real audience.',
          'Students publish original work to an authentic audience and revise it in response to feedback.',
        ],
      },
      {
        slug: 'citizenship',
        name: 'Teaches responsible and critical use',
        section: 'reflection',
        levels: [
          'Digital citizenship, privacy or source evaluation is not addressed.',
          'Rules for safe use are stated, but students do not practise evaluating sources or protecting privacy.',
          'Students practise evaluating sources, citing media and protecting personal information within the lesson.',
          'Students apply and explain criteria for credibility, copyright and privacy, and teach them to peers or families.',
        ],
      },
      {
        slug: 'access',
        name: 'Plans for access and inclusion',
        section: 'overview',
        levels: [
          'The plan assumes every student has the same device, connection and skills.',
          'The plan notes differences in access but offers no alternative pathway.',
          'The plan provides offline or assistive options (captions, screen readers, shared devices) so that every student can take part.',
          'Accessibility is designed in from the start and students choose among formats that meet their needs.',
        ],
      },
    ],
  },
  {
    key: 'instructional-leadership',
    name: 'Instructional Leadership',
    initials: 'IL',
    colour: [176, 58, 46],
    shape: 'hexagon',
    description:
      'The educator leads colleagues in improving instruction: setting a shared goal grounded in student data, coaching peers through cycles of observation and feedback, and building a collaborative culture that sustains the change.',
    narrative:
      'Submit the plan for an improvement cycle you led with at least three colleagues (for example a PLC cycle or a peer-coaching cycle), meeting agendas or notes, the data you used, and a reflection on your growth as a leader. Every criterion must reach Proficient and the total must be at least 11 of 15 points.',
    credits: 30,
    unit: 'professional development hours',
    tags: ['Leadership', 'Coaching', 'Professional learning communities'],
    prompts: {
      overview:
        'Describe the team you led, the student-learning problem you set out to address, and the data that told you it mattered.',
      'work-examples':
        'Upload your cycle plan, agendas or notes from at least two meetings, and the data the team reviewed.',
      reflection:
        'What did you learn about yourself as a leader? Which leadership moves will you keep, and which will you change?',
    },
    levelNames: FOUR,
    requiredIndex: 2,
    passingPoints: 11,
    criteria: [
      {
        slug: 'goal',
        name: 'Sets a shared goal grounded in student data',
        section: 'overview',
        levels: [
          "No goal is stated, or the goal concerns adult activity only (for example 'meet monthly').",
          'A goal is stated but is not connected to a specific analysis of student data.',
          'The team sets a measurable student-learning goal from an analysis of current data.',
          'The goal is co-constructed with colleagues from several data sources and includes interim checkpoints.',
        ],
      },
      {
        slug: 'coaching',
        name: 'Coaches colleagues through observation and feedback',
        section: 'work-examples',
        levels: [
          'There is no evidence of observation or feedback with colleagues.',
          'Observations happen, but feedback is general or evaluative rather than tied to the shared goal.',
          'Feedback is specific, grounded in observation evidence and the shared goal, and agreed next steps follow.',
          'Colleagues set their own focus, and feedback conversations lead them to analyse evidence and choose next steps themselves.',
        ],
      },
      {
        slug: 'monitoring',
        name: 'Uses data to monitor progress',
        section: 'work-examples',
        levels: [
          'Data is collected but never revisited.',
          'Data is reviewed at the end of the cycle only.',
          'The team reviews student work or assessment data at planned points and adjusts practice.',
          'Progress monitoring is routine, disaggregated by student group, and drives changes across classrooms.',
        ],
      },
      {
        slug: 'culture',
        name: 'Builds a collaborative culture',
        section: 'work-examples',
        levels: [
          'Meetings are dominated by the leader or by logistics.',
          'Colleagues take part, but norms and protocols are not used consistently.',
          'Agreed norms and protocols give every colleague a voice and keep the discussion on instruction.',
          'Colleagues facilitate parts of the work themselves and continue the practice without the leader.',
        ],
      },
      {
        slug: 'growth',
        name: 'Reflects on leadership growth',
        section: 'reflection',
        levels: [
          "The reflection summarises meetings without considering the leader's own practice.",
          'The reflection names a strength or challenge in general terms.',
          'The reflection uses feedback from colleagues to identify specific leadership moves to keep or change.',
          "The reflection connects leadership moves to changes in colleagues' practice and in student outcomes, with a plan for growth.",
        ],
      },
    ],
  },
  {
    key: 'performance-assessment',
    name: 'Basic and Advanced Performance Assessment Design',
    initials: 'PA',
    colour: [46, 139, 87],
    shape: 'circle',
    description:
      'The educator designs performance assessments in which students apply knowledge and skills to authentic tasks, scored with rubrics aligned to standards, and uses the results for feedback and revision.',
    narrative:
      'Submit a performance assessment task you designed and administered, its scoring rubric, scored samples of student work at different levels, and a reflection on what the results showed. Every criterion must reach Proficient; there is no points total.',
    credits: 1,
    unit: 'graduate credit',
    tags: ['Assessment', 'Rubrics', 'Performance tasks'],
    prompts: {
      overview:
        'Which standards or learning targets does the task assess, and for which students? Why is a performance assessment the right tool here?',
      'work-examples':
        'Upload the task as students received it, the rubric, and at least two scored samples of student work.',
      reflection:
        'What did the results tell you about student learning and about the task itself? How did students use the feedback?',
    },
    levelNames: FOUR,
    requiredIndex: 2,
    criteria: [
      {
        slug: 'alignment',
        name: 'Aligns the task to standards and learning targets',
        section: 'overview',
        levels: [
          'The standards or targets are not named, or the task does not elicit them.',
          'Standards are named, but parts of the task do not require students to show them.',
          'Every part of the task elicits evidence of the named standards at the intended depth.',
          'The design explains how each part of the task maps to a target and why it elicits the intended depth.',
        ],
      },
      {
        slug: 'authenticity',
        name: 'Designs an authentic, complex task',
        section: 'work-examples',
        levels: [
          'The task is a recall exercise or a worksheet with one correct answer.',
          'The task has a realistic context, but the product and process are prescribed.',
          'Students apply knowledge to a realistic problem for a defined audience, with choices in approach.',
          'Students tackle an open problem for a real audience or client and must justify decisions among alternatives.',
        ],
      },
      {
        slug: 'rubric',
        name: 'Builds a clear, usable rubric',
        section: 'work-examples',
        levels: [
          'There is no rubric, or it scores compliance (neatness, length) rather than learning.',
          "The rubric lists criteria, but level descriptors are vague or differ only by adverbs ('somewhat', 'very').",
          'Level descriptors describe observable quality for each criterion in student-friendly language.',
          'The rubric was calibrated with colleagues on student work, and scored samples illustrate each level.',
        ],
      },
      {
        slug: 'feedback',
        name: 'Uses results for feedback and revision',
        section: 'reflection',
        levels: [
          'Results are reported as grades only.',
          'Students receive comments but have no opportunity to act on them.',
          'Students use rubric-based feedback to revise, and the teacher uses the results to adjust instruction.',
          "Students self- and peer-assess against the rubric and set goals, and the results inform the next unit's design.",
        ],
      },
    ],
  },
  {
    key: 'creative-thinking',
    name: 'Creative Thinking and Innovating',
    initials: 'CT',
    colour: [230, 126, 34],
    shape: 'hexagon',
    description:
      'The educator creates conditions in which students generate original ideas, take productive risks, and improve their work through iteration, feedback and reflection.',
    narrative:
      "Submit a lesson or project plan that uses a creative-thinking routine, evidence of students' ideas at more than one stage (sketches, drafts, prototypes), and a reflection. Every criterion must reach Proficient and the total must be at least 4 of 6 points.",
    credits: 15,
    unit: 'professional development hours',
    tags: ['Creativity', 'Design thinking', 'Project-based learning'],
    prompts: {
      overview:
        'Describe your students and the open-ended problem or question they worked on. How much choice did they have?',
      'work-examples':
        'Upload the plan and evidence of student ideas at two or more stages (photos of sketches, drafts or prototypes).',
      reflection:
        'When did students take a creative risk, and how did you respond? What would you do differently to build their ownership?',
    },
    levelNames: ['Not yet', 'Proficient', 'Exemplary'],
    requiredIndex: 1,
    passingPoints: 4,
    criteria: [
      {
        slug: 'ideation',
        name: 'Uses routines for generating ideas',
        section: 'work-examples',
        levels: [
          'Students are given a single approach or answer; there is no time for generating ideas.',
          'A structured routine (for example brainstorming with deferred judgement, or SCAMPER) produces many varied ideas before any is chosen.',
          "Students select and adapt idea-generation routines themselves and build on each other's ideas across groups.",
        ],
      },
      {
        slug: 'iteration',
        name: 'Makes iteration and productive risk visible',
        section: 'work-examples',
        levels: [
          'Only final products are shown; mistakes are penalised or hidden.',
          'Students produce at least one draft or prototype, receive feedback and revise it.',
          'Several iterations are documented, and students explain what they learned from ideas that failed.',
        ],
      },
      {
        slug: 'ownership',
        name: 'Builds student voice and ownership',
        section: 'reflection',
        levels: [
          'The teacher decides the problem, the process and the product.',
          'Students make meaningful choices about the problem or the product.',
          'Students define the problem themselves and set their own criteria for success.',
        ],
      },
    ],
  },
  {
    key: 'global-graduates',
    name: 'Global Graduates',
    initials: 'GG',
    colour: [22, 150, 160],
    shape: 'circle',
    description:
      'The educator prepares students to investigate the world beyond their immediate environment, recognise perspectives other than their own, communicate with diverse audiences, and take informed action.',
    narrative:
      'Submit a unit or project plan with a global focus, evidence of students engaging with perspectives from another culture or region (for example a virtual exchange), student work, and a reflection. Every criterion must reach Proficient and the total must be at least 9 of 12 points.',
    credits: 20,
    unit: 'professional development hours',
    tags: ['Global competence', 'Intercultural learning', 'Sustainable Development Goals'],
    prompts: {
      overview:
        'Describe your students and the global issue or question at the heart of the unit. Why does it matter to them?',
      'work-examples':
        'Upload the unit plan, evidence of exchange with people from another culture or region, and student work.',
      reflection:
        "How did students' understanding of other perspectives change? What action did they take, and what came of it?",
    },
    levelNames: FOUR,
    requiredIndex: 2,
    passingPoints: 9,
    criteria: [
      {
        slug: 'investigate',
        name: 'Investigates the world',
        section: 'work-examples',
        levels: [
          'The topic is local only, or global content is limited to facts to memorise.',
          'Students study a global issue using sources the teacher provides.',
          'Students frame a question of global significance and investigate it with varied, credible sources.',
          'Students investigate a global question with primary sources, including people from the regions concerned.',
        ],
      },
      {
        slug: 'perspectives',
        name: 'Recognises perspectives',
        section: 'work-examples',
        levels: [
          'A single perspective is presented as the only one.',
          'Other perspectives are mentioned, but students do not examine why people hold them.',
          'Students compare perspectives and explain how culture, history and circumstance shape them.',
          "Students examine their own perspective alongside others' and show how their thinking changed.",
        ],
      },
      {
        slug: 'communicate',
        name: 'Communicates ideas with diverse audiences',
        section: 'work-examples',
        levels: [
          'Students communicate only with the teacher.',
          'Students present to classmates or families.',
          'Students communicate with an audience from another culture or region, adapting language and medium.',
          'Students sustain a two-way exchange with partners elsewhere and co-create a product.',
        ],
      },
      {
        slug: 'action',
        name: 'Takes informed action',
        section: 'reflection',
        levels: [
          'No action is planned or taken.',
          'Students propose actions but do not carry them out.',
          'Students plan and carry out an informed action and reflect on its effect.',
          "Students' action has a documented effect beyond the classroom, and they evaluate it critically.",
        ],
      },
    ],
  },
  {
    key: 'professional-learning',
    name: 'Designing and Facilitating High-Quality Professional Learning',
    initials: 'PL',
    colour: [60, 80, 120],
    shape: 'hexagon',
    description:
      "The educator designs and facilitates professional learning for adults that is grounded in participants' needs, models active learning, and is followed up so that practice changes in classrooms.",
    narrative:
      'Submit the agenda and facilitator notes for a professional learning session of at least 90 minutes that you designed and led, participant feedback, evidence of follow-up, and a reflection. Every criterion must reach Proficient and the total must be at least 9 of 12 points.',
    credits: 2,
    unit: 'continuing education units',
    tags: ['Professional learning', 'Adult learning', 'Facilitation'],
    prompts: {
      overview: 'Who took part in the session, what did they need, and how did you find out?',
      'work-examples':
        'Upload the agenda with facilitator notes, participant feedback, and evidence of follow-up after the session.',
      reflection: "What changed in participants' practice afterwards, and how do you know? What will you redesign?",
    },
    levelNames: FOUR,
    requiredIndex: 2,
    passingPoints: 9,
    criteria: [
      {
        slug: 'needs',
        name: "Grounds the design in participants' needs",
        section: 'overview',
        levels: [
          'The topic was chosen without reference to participants or to student data.',
          'A needs survey or request informed the topic, but not the design of the activities.',
          "Outcomes and activities are designed from an analysis of participants' needs and of student data.",
          'Participants co-designed the outcomes, and the design differentiates for varied experience.',
        ],
      },
      {
        slug: 'active-learning',
        name: 'Models active, adult-centred learning',
        section: 'work-examples',
        levels: [
          'The session is mostly presentation.',
          'Participants discuss or practise, but activities are short compared with presentation.',
          'Most of the time goes to active learning: analysing student work, rehearsing strategies, planning for their own classrooms.',
          'The session models the very practices participants are learning and makes the facilitation moves explicit.',
        ],
      },
      {
        slug: 'follow-up',
        name: 'Plans follow-up and support for implementation',
        section: 'work-examples',
        levels: [
          'There is no follow-up after the session.',
          'Resources are shared after the session, but there is no structured follow-up.',
          'Follow-up (coaching, PLC time or a second session) supports participants in trying the practice in class.',
          "Follow-up is sustained over weeks and includes evidence of participants' classroom implementation.",
        ],
      },
      {
        slug: 'impact',
        name: 'Evaluates impact',
        section: 'reflection',
        levels: [
          'No feedback is gathered.',
          'Satisfaction feedback is gathered (whether participants enjoyed the session).',
          'Feedback measures what participants learned and intend to change, and the facilitator acts on it.',
          "Evaluation follows changes in participants' practice and in student learning, and informs the next design.",
        ],
      },
    ],
  },
];

/** Builds the manifest's achievement object (the image path is supplied by the caller). */
export function buildAchievement(def: AchievementDef, image: string): Achievement {
  const id = achievementId(def.key);
  const criteria: Criterion[] = def.criteria.map((c) => {
    if (c.levels.length !== def.levelNames.length)
      throw new Error(`${def.key}#${c.slug}: ${c.levels.length} descriptors for ${def.levelNames.length} levels`);
    return {
      id: `${id}#${c.slug}`,
      name: c.name,
      sectionId: c.section,
      resultType: 'RubricCriterionLevel' as const,
      rubricCriterionLevel: c.levels.map((description, i) => ({
        id: `${id}#${c.slug}-${i + 1}`,
        name: def.levelNames[i]!,
        level: String(i + 1),
        points: i,
        description,
      })),
      ...(def.requiredIndex !== undefined ? { requiredLevel: `${id}#${c.slug}-${def.requiredIndex + 1}` } : {}),
    };
  });
  return {
    id,
    name: def.name,
    description: def.description,
    achievementType: 'MicroCredential',
    criteria: { narrative: def.narrative },
    creditsAvailable: def.credits,
    creditUnit: def.unit,
    tag: def.tags,
    image,
    sections: [
      { id: 'overview', name: 'Overview questions', prompt: def.prompts.overview },
      { id: 'work-examples', name: 'Work examples', prompt: def.prompts['work-examples'] },
      { id: 'reflection', name: 'Reflection', prompt: def.prompts.reflection },
    ],
    resultDescription: criteria,
    ...(def.passingPoints !== undefined ? { passingPoints: def.passingPoints } : {}),
  };
}
