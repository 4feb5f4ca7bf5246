// The sample second-reading package: decisions another assessor already made, to be read again blind.
import type { Decision } from '../../shared/schemas/review-package.js';
import type { SubmissionDef } from './submissions.js';

/** The first reader, another assessor of the same panel (never the package's assessor). */
export const FIRST_READER = { id: 'mailto:rosa.delgado@assessors.example.org', name: 'Rosa Delgado' };

export interface SecondReadingDef extends SubmissionDef {
  /** The first reader's review: levels as indices in rubric order, checked against the rubric's decision. */
  first: {
    daysAgo: number;
    at: string;
    decision: Decision;
    levels: number[];
    comments: string[];
    feedback: string;
  };
  /**
   * The levels a careful reader gives (not written to the package): the first reading agrees with
   * them, is a level off on a criterion, or reaches the other decision.
   */
  careful: number[];
}

export const SECOND_READING_SUBMISSIONS: SecondReadingDef[] = [
  {
    key: 'second-reading/ahmad-digital',
    achievement: 'digital-fluency',
    attempt: 1,
    submitted: { daysAgo: 30, at: '20:10' },
    dueInDays: 6,
    earner: {
      name: 'احمد کریمی',
      pdfName: 'Ahmad Karimi',
      email: 'ahmad.karimi@hillcrest-ms.example.org',
      organization: 'Hillcrest Middle School',
    },
    overview:
      'My seventh-grade English class (25 students) made short documentaries about a place in our town that matters to them. Five students have limited internet at home and one student uses a screen reader, so the plan offers three ways to work: editing on school laptops, recording on a phone with a printed storyboard, or a narrated slideshow built with the screen reader. Films were screened for families at the public library.',
    reflection:
      'The films were better than any essay this class has written about place, because students had to choose what to show and what to say. The lesson on image rights worked: students asked permission before filming people and credited every clip they did not shoot. Two students made slideshows instead of films and their work was among the strongest. What I would change is the screening: families watched but did not respond, so students had no reason to revise after it.',
    docs: [
      {
        file: 'project-plan',
        name: 'Project plan',
        title: 'A Place That Matters: Short Documentaries',
        dateLabel: 'Started',
        daysBefore: 35,
        meta: [
          ['Grade / subject', 'Grade 7 English'],
          ['Duration', 'Four weeks'],
          ['Audience', 'Families at the public library screening'],
        ],
        blocks: [
          { h: 'Why film' },
          {
            p: 'A documentary makes students decide what to show as well as what to say; that choice is the argument. I chose a free editor that runs offline on school laptops, so students without internet at home lose nothing.',
          },
          { h: 'Three pathways' },
          {
            ul: [
              'Edit on a school laptop during class and at the lunchtime club.',
              'Record on a phone from a printed storyboard; edit in class.',
              'Build a narrated slideshow with the screen reader, with audio description of each image.',
            ],
          },
          { h: 'Responsible use' },
          {
            ul: [
              'Ask before filming anyone; no faces of children without a signed form.',
              'Credit every clip, image and track you did not make, with its licence.',
              'Check one fact in your narration against two sources.',
            ],
          },
        ],
      },
    ],
    photos: [{ file: 'storyboards', name: 'Photo: printed storyboards before filming', scene: 'gallery' }],
    first: {
      daysAgo: 18,
      at: '11:30',
      decision: 'pass',
      levels: [2, 2, 2, 2],
      comments: [
        'The plan explains why film changes the task (choosing what to show is the argument) and why an offline editor was chosen.',
        'Students designed original films and screened them for families; there was no revision after the screening.',
        'Students practised asking permission, crediting with licences and checking a fact against two sources.',
        'Three pathways, including a screen-reader slideshow, let every student take part.',
      ],
      feedback:
        'A well-planned project in which every student could take part and produce original work for a real audience. To reach Exemplary, give the audience a way to respond and students a reason to revise, and let students help compare the tools.',
    },
    careful: [2, 2, 2, 2],
  },
  {
    key: 'second-reading/emily-core-stem',
    achievement: 'core-stem',
    attempt: 1,
    submitted: { daysAgo: 33, at: '16:45' },
    dueInDays: 4,
    earner: {
      name: 'Emily Carter',
      email: 'emily.carter@pinecrest-ms.example.org',
      organization: 'Pinecrest Middle School',
    },
    overview:
      'My seventh graders (29 students) investigated why the ice rink at the park melts from one end first. Teams chose a variable to test (surface colour, shade, wind), built small ice trays and measured melting time. They used rates to compare, and each team had to recommend one change the park could make. I teach this class with a co-teacher for the four students with IEPs.',
    reflection:
      'Students were invested because they skate at that rink. The data analysis was solid: most teams computed melt rate in grams per minute and graphed it against their variable. The discussion at the end was mostly teams reporting to me; I asked follow-up questions and students answered me rather than each other. In the write-ups, 11 of 29 students claimed that dark surfaces "attract cold", so next year I will add a short demonstration with two thermometers before the investigation.',
    docs: [
      {
        file: 'lesson-plan',
        name: 'Lesson plan',
        title: 'Why Does the Rink Melt from One End?',
        dateLabel: 'Taught',
        daysBefore: 14,
        meta: [
          ['Grade / subject', 'Grade 7 Science'],
          ['Duration', 'Three 55-minute periods'],
          ['Standards', 'NGSS MS-PS3-3, MS-PS3-4; CCSS 7.RP.A.2'],
        ],
        blocks: [
          { h: 'Investigation' },
          {
            ol: [
              'Teams list what differs between the two ends of the rink from photos and a site visit.',
              'Each team chooses one variable and designs a fair test with ice trays of 200 g.',
              'Teams measure melted mass every five minutes and compute melt rate.',
            ],
          },
          { h: 'Analysis' },
          { p: 'Graph melt rate against the variable; write a claim and a recommendation for the park.' },
          { h: 'Share-out' },
          { p: 'Each team reports its claim; the teacher asks a follow-up question of each team.' },
        ],
      },
    ],
    charts: [
      {
        file: 'melt-rate',
        name: 'Student data: melt rate by surface (g/min)',
        title: 'MELT RATE BY SURFACE (G/MIN)',
        categories: ['White', 'Grey', 'Black', 'Shaded', 'Windy'],
        series: [{ label: 'Class mean', values: [2.1, 2.8, 3.9, 1.6, 3.2] }],
        max: 5,
      },
    ],
    first: {
      daysAgo: 16,
      at: '14:05',
      decision: 'pass',
      levels: [2, 2, 2, 3],
      comments: [
        'Teams chose their own variable and designed the fair test around an authentic phenomenon.',
        'Melt rates were computed and graphed, and used to justify a recommendation.',
        'Teams made claims supported by their data in the share-out.',
        'The reflection finds a specific misconception in the write-ups (11 of 29) and plans a demonstration to address it.',
      ],
      feedback:
        "A strong investigation grounded in a phenomenon your students care about, with careful use of rates. The reflection is a model of using student work to plan. To strengthen the discourse, have teams respond to each other's claims rather than to you.",
    },
    // A careful reader reads the share-out as reporting to the teacher: discourse Developing, so not yet.
    careful: [2, 2, 1, 3],
  },
  {
    key: 'second-reading/soren-assessment',
    achievement: 'performance-assessment',
    attempt: 1,
    submitted: { daysAgo: 28, at: '09:40' },
    dueInDays: 8,
    earner: {
      name: 'Søren Nielsen',
      email: 'soren.nielsen@harbour-view-hs.example.org',
      organization: 'Harbour View High School',
    },
    overview:
      "The task is for my eleventh-grade chemistry class (24 students): a local brewery asked how to reduce the limescale in its kettles. Students test water samples from three sources, propose a treatment, and write a one-page recommendation to the brewery's owner. The targets are HS-PS1-2 and HS-PS1-7 and the department's writing-in-science standard.",
    reflection:
      'I scored the recommendations with the rubric and returned them with comments; students revised their recommendation using the rubric, and the revision scores rose on the "evidence" row from a median of 2 to 3. The results showed me that students could calculate hardness but many could not explain the reaction, so I re-taught precipitation reactions with a demonstration before the next unit.',
    docs: [
      {
        file: 'task-and-rubric',
        name: 'Performance task and rubric',
        title: 'Hard Water at the Brewery',
        dateLabel: 'Administered',
        daysBefore: 20,
        meta: [
          ['Grade / subject', 'Grade 11 Chemistry'],
          ['Standards', 'NGSS HS-PS1-2, HS-PS1-7; department writing-in-science standard'],
          ['Client', 'The owner of a local brewery'],
        ],
        blocks: [
          { h: 'Task' },
          {
            p: 'Test the hardness of three water samples by titration, propose a treatment, and write a one-page recommendation to the owner with your data and the reaction that removes the hardness.',
          },
          { h: 'Rubric rows' },
          {
            table: [
              ['Row', 'Proficient looks like'],
              ['Data', 'Three samples titrated twice; hardness in mg/L CaCO3 with units'],
              ['Reaction', 'Balanced equation for the treatment, with the precipitate named'],
              ['Evidence', 'Every claim in the recommendation cites a measured value'],
              ['Audience', 'Written for a non-chemist: one page, no unexplained terms'],
            ],
            widths: [0.2, 0.8],
          },
        ],
      },
    ],
    photos: [{ file: 'titration-bench', name: 'Photo: titration set-ups on the bench', scene: 'prototypes' }],
    first: {
      daysAgo: 12,
      at: '10:15',
      decision: 'pass',
      levels: [3, 2, 2, 2],
      comments: [
        'The task maps each part to a named standard and explains the depth intended.',
        'A real client, a realistic problem and a choice of treatment.',
        'Rubric rows describe observable quality in plain language.',
        'Students revised with rubric feedback and the teacher re-taught from the results.',
      ],
      feedback:
        'A well-aligned, authentic task with a clear rubric, and good evidence that students and teacher used the results. To reach Exemplary, have students self- or peer-assess before revising, and calibrate the rubric with a colleague.',
    },
    // The standards are named and elicited, but the mapping is not explained: Proficient, a level lower.
    careful: [2, 2, 2, 2],
  },
  {
    key: 'second-reading/hina-creative',
    achievement: 'creative-thinking',
    attempt: 1,
    submitted: { daysAgo: 26, at: '13:25' },
    dueInDays: 10,
    earner: {
      name: '佐藤 陽菜',
      pdfName: 'Sato Hina',
      email: 'hina.sato@westbrook-ms.example.org',
      organization: 'Westbrook Middle School',
    },
    overview:
      'My sixth-grade art class (28 students) redesigned the entrance hall of our school, which students described as "a corridor nobody looks at". Students surveyed classmates about how the hall feels, then defined their own design problem in groups: one group chose wayfinding for new students, another a place to wait for parents. Each group set its own criteria for success and tested them with other classes.',
    reflection:
      'The routine that worked best was "worst possible idea": groups listed terrible entrance halls and then reversed them, and ideas built across groups when we posted them. Each group made a cardboard model, tested it with a younger class, and then a second model. Only two groups wrote down what they learned from the first model failing; the others just built the second one. I want to make the "what failed and why" page a required part of the process book.',
    docs: [
      {
        file: 'project-plan',
        name: 'Project plan',
        title: 'A Hall Worth Looking At',
        dateLabel: 'Started',
        daysBefore: 30,
        meta: [
          ['Grade / subject', 'Grade 6 Art and Design'],
          ['Duration', 'Four weeks, two lessons a week'],
          ['Users', 'Students, families, visitors'],
        ],
        blocks: [
          { h: 'Define' },
          {
            ul: [
              'Survey: how does the entrance hall feel, and what do you do there?',
              'Groups write their own problem statement and three success criteria.',
            ],
          },
          { h: 'Ideas' },
          {
            ul: [
              '"Worst possible idea", then reverse each one.',
              'Post ideas on the shared wall; other groups add "yes, and" notes.',
            ],
          },
          { h: 'Prototype and test' },
          {
            p: "Cardboard models at 1:20 scale, tested with a fourth-grade class against each group's own criteria; a second model follows.",
          },
        ],
      },
    ],
    photos: [{ file: 'hall-models', name: 'Photo: cardboard models of the entrance hall', scene: 'prototypes' }],
    first: {
      daysAgo: 14,
      at: '15:40',
      decision: 'pass',
      levels: [2, 1, 2],
      comments: [
        "Groups adapted routines and built on each other's ideas across groups on the shared wall.",
        'Two models per group, tested with users; most groups did not record what they learned from the first.',
        'Groups defined their own problems and set their own criteria for success.',
      ],
      feedback:
        "Students clearly owned this project, from the problem statements to their own success criteria, and the idea routines were varied and shared across groups. Make the learning from failed models visible in every group's process book.",
    },
    careful: [2, 1, 2],
  },
  {
    key: 'second-reading/lucia-global',
    achievement: 'global-graduates',
    attempt: 1,
    submitted: { daysAgo: 35, at: '18:00' },
    dueInDays: 2,
    earner: {
      name: 'Lucía Fernández',
      email: 'lucia.fernandez@riverbend-hs.example.org',
      organization: 'Riverbend High School',
    },
    overview:
      'My ninth-grade Spanish class (26 students) studied water scarcity in Latin America, starting from the 2023 drought in Montevideo. Students read news reports and government statements from Uruguay, and exchanged letters with a class in Montevideo that described how their families coped. The unit ended with presentations to families and a proposal to reduce water use at our school.',
    reflection:
      'The letters from Montevideo were the heart of the unit: students were struck that their partners saw the drought as a failure of planning, not of nature. In their essays students listed the different views but mostly did not explain why people held them. The proposal to the school board was well argued, but it had not been acted on by the end of term.',
    docs: [
      {
        file: 'unit-plan',
        name: 'Unit plan',
        title: 'Sin Agua: Drought in Montevideo',
        dateLabel: 'Taught',
        daysBefore: 40,
        meta: [
          ['Grade / subject', 'Grade 9 Spanish'],
          ['Duration', 'Five weeks'],
          ['Partner', 'A ninth-grade class in Montevideo, Uruguay (letters)'],
        ],
        blocks: [
          { h: 'Sources' },
          {
            ul: [
              'News reports from Uruguay and Argentina, 2023.',
              "Statements from the national water utility and from a farmers' association.",
              'Letters from the partner class (two rounds).',
            ],
          },
          { h: 'Products' },
          {
            ul: [
              'An essay in Spanish comparing two views of the drought.',
              'A presentation to families.',
              'A proposal to the school board to reduce water use.',
            ],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'essay-views',
        name: 'Chart: views of the drought named in the essays',
        title: 'VIEWS NAMED IN ESSAYS (NUMBER OF ESSAYS)',
        categories: ['Nature', 'Planning', 'Farming', 'Industry', 'Climate'],
        series: [{ label: 'Essays', values: [24, 19, 11, 8, 15] }],
        max: 26,
      },
    ],
    first: {
      daysAgo: 20,
      at: '09:10',
      decision: 'not-yet',
      levels: [2, 1, 1, 1],
      comments: [
        'Students investigated a global issue with varied sources from the region.',
        'Essays list views of the drought but do not explain why people hold them.',
        'Students presented to families; the letters were read but the products were for a local audience.',
        'A proposal was written but not carried out.',
      ],
      feedback:
        'A rich unit with authentic sources from Uruguay. To meet the standard, ask students to explain why each group sees the drought as it does, and carry out the water-saving action and reflect on its effect.',
    },
    // The letter exchange is communication with an audience in another region: Proficient, a level higher.
    careful: [2, 1, 2, 1],
  },
  {
    key: 'second-reading/tendai-pl',
    achievement: 'professional-learning',
    attempt: 1,
    submitted: { daysAgo: 24, at: '12:00' },
    dueInDays: 12,
    earner: {
      name: 'Tendai Moyo',
      email: 'tendai.moyo@district7.example.org',
      organization: 'District 7 Curriculum Office',
    },
    overview:
      'I led a 90-minute session on classroom discussion for 35 primary teachers at the district in-service day. The topic came from a request by the primary principals. I used a short survey before the session to ask which discussion routines teachers already use, and grouped teachers by experience for the practice activity.',
    reflection:
      'The session was well received: 31 of 35 rated it useful or very useful. Teachers enjoyed the practice round with the talk moves cards. I shared the slides and cards afterwards. I do not know whether teachers used the talk moves in their classrooms; next time I want to plan a follow-up with the principals.',
    docs: [
      {
        file: 'agenda',
        name: 'Agenda and slides summary',
        title: 'Talk Moves for Primary Classrooms',
        dateLabel: 'Session',
        daysBefore: 25,
        meta: [
          ['Participants', '35 primary teachers'],
          ['Length', '90 minutes'],
          ['Requested by', 'Primary principals'],
        ],
        blocks: [
          {
            table: [
              ['Time', 'Activity'],
              ['0:00', 'Why talk matters: research summary (presentation)'],
              ['0:30', 'Video of a Year 3 discussion, with commentary'],
              ['0:50', 'Practice round with talk moves cards, in experience groups'],
              ['1:10', 'Questions and satisfaction survey'],
            ],
            widths: [0.15, 0.85],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'satisfaction',
        name: 'Chart: session ratings',
        title: 'HOW USEFUL WAS THE SESSION? (TEACHERS)',
        categories: ['Not useful', 'Somewhat', 'Useful', 'Very useful'],
        series: [{ label: 'Teachers', values: [1, 3, 18, 13] }],
        max: 20,
      },
    ],
    first: {
      daysAgo: 10,
      at: '13:50',
      decision: 'not-yet',
      levels: [1, 1, 1, 1],
      comments: [
        "The principals' request and a survey informed the topic, not the design of the activities.",
        'Half the session is presentation and video commentary; the practice round is 20 minutes.',
        'Slides and cards were shared, with no structured follow-up.',
        'Only satisfaction was measured: 31 of 35 rated the session useful, but nothing asks what teachers learned or will change.',
      ],
      feedback:
        'The session addressed a real request and teachers valued the talk moves practice. To meet the standard, design the activities from what the survey showed, give most of the time to practice, plan follow-up in classrooms, and ask what teachers learned and will change.',
    },
    careful: [1, 1, 1, 1],
  },
];
