// Calibration samples and seeds for the sample package: submissions with definitive scores (quality-assurance.md).
import type { Decision } from '../../shared/schemas/review-package.js';
import type { SubmissionDef } from './submissions.js';

/** A submission with its definitive score: a level index per criterion (rubric order) and why. */
export interface QaSampleDef extends SubmissionDef {
  definitive: {
    /** Checked against the rubric's decision for `levels` when the package is built. */
    decision: Decision;
    levels: number[];
    rationales: string[];
  };
}

/** One practice sample per sample micro-credential, a mix of levels and of pass / not-yet decisions. */
export const CALIBRATION_SAMPLES: QaSampleDef[] = [
  {
    key: 'calibration/lea-core-stem',
    achievement: 'core-stem',
    attempt: 1,
    submitted: { daysAgo: 9, at: '17:05' },
    dueInDays: 5,
    earner: {
      name: 'Léa Rousseau',
      email: 'lea.rousseau@maple-grove-ms.example.org',
      organization: 'Maple Grove Middle School',
    },
    overview:
      'I teach sixth-grade science to 26 students, a third of whom are still learning English. The school garden lost most of its bean seedlings in April, and students wanted to know why the ones by the fence survived. The unit asks: how much light does a bean seedling need? Teams plan and run an investigation with grow boxes built from cardboard and LED strips, and they decide how many boxes, how bright and how long to measure.',
    reflection:
      'The growth data were the strongest part of the unit: every team graphed height against light and six of seven teams used the slope of their line to argue for a light level. The scientists circle was weaker than I hoped. Teams reported their results one after another, and when Team 3 claimed that more light is always better nobody questioned it, even though two teams had data showing leggy seedlings at the brightest setting. Next time I will give each team a "respond to" card naming the team whose claim they must test against their own data.',
    docs: [
      {
        file: 'lesson-plan',
        name: 'Lesson plan',
        title: 'How Much Light Does a Seedling Need?',
        dateLabel: 'Taught',
        daysBefore: 15,
        meta: [
          ['Grade / subject', 'Grade 6 Science'],
          ['Duration', 'Four 45-minute periods'],
          ['Standards', 'NGSS MS-LS1-5, MS-ETS1-3; CCSS 6.SP.B.5'],
        ],
        blocks: [
          { h: 'Phenomenon' },
          {
            p: 'Photos of the school garden in April: the bean bed by the fence survived, the open bed did not. Students list what was different between the beds and choose light as the variable to investigate first.',
          },
          { h: 'Day 1: Plan the investigation' },
          {
            ol: [
              'Teams write a testable question and choose how many grow boxes (three to five) and which LED settings to compare.',
              'Teams decide what to measure (height, leaf count, colour) and how often, and justify the number of seedlings per box.',
              'The plan is checked against a fair-test checklist that teams wrote together last unit.',
            ],
          },
          { h: 'Days 2-3: Measure and graph' },
          {
            ul: [
              'Daily height measurements in millimetres, recorded in a shared spreadsheet.',
              'Teams plot mean height against light setting and draw a line of best fit by eye.',
              'Teams calculate growth per day and compare it across settings.',
            ],
          },
          { h: 'Day 4: Scientists circle' },
          {
            p: 'Each team reports its claim and its graph. The other teams listen and note one question. The teacher closes with a summary of what the class found.',
          },
          { h: 'Assessment' },
          {
            p: 'Individual claim-evidence-reasoning paragraph scored 0-3 on each part; the graph is checked for labelled axes, units and a line of best fit.',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'growth-by-light',
        name: 'Student data: mean seedling height after 10 days (mm)',
        title: 'MEAN HEIGHT BY LIGHT SETTING (MM)',
        categories: ['Dark', 'Low', 'Medium', 'High', 'Max'],
        series: [
          { label: 'Team 2', values: [41, 58, 72, 80, 77] },
          { label: 'Team 5', values: [38, 55, 69, 83, 90] },
        ],
        max: 100,
      },
    ],
    definitive: {
      decision: 'not-yet',
      levels: [2, 2, 1, 2],
      rationales: [
        'Proficient: the lesson plan on p. 1 (Day 1) has teams write their own testable question and decide how many grow boxes and which light settings to compare. The phenomenon is the garden, but the question itself is steered to light, so it is not Exemplary.',
        'Proficient: students graph mean height against light and use growth per day to compare settings (Days 2-3); the chart shows the data they reasoned from. There is no design they iterate against constraints, so not Exemplary.',
        'Developing: the scientists circle (Day 4) is a round of reports; the reflection says nobody challenged the "more light is always better" claim and the teacher summarised. Claims are shared but peers do not respond to each other\'s reasoning.',
        'Proficient: the reflection uses the student data (six of seven teams argued from the slope) to name what was learned and proposes a specific change, the "respond to" cards. It does not analyse misconceptions across groups, so not Exemplary.',
      ],
    },
  },
  {
    key: 'calibration/wanjiru-digital',
    achievement: 'digital-fluency',
    attempt: 1,
    submitted: { daysAgo: 12, at: '19:40' },
    dueInDays: 3,
    earner: {
      name: 'Wanjiru Kamau',
      email: 'wanjiru.kamau@eastgate-primary.example.org',
      organization: 'Eastgate Primary School',
    },
    overview:
      'My fifth graders produced a podcast series, "Streets with Stories", about the people our neighbourhood streets are named after. Eleven of my 29 students have no device at home and four share one phone with siblings, so all recording and editing happens at school on six shared tablets. Episodes went out on the school website and were played at the spring family evening, where listeners left comments on cards.',
    reflection:
      'Students rewrote their scripts after the family evening, and three groups re-recorded episodes because listeners said the interviews were hard to follow. I am proud of how they checked the street-name facts: every group had to find two sources and explain why they trusted one more than the other. What I did not solve is access. Students without devices could only edit during class, and two of them never finished their segment. I noted the problem but did not give them another way to take part.',
    docs: [
      {
        file: 'project-plan',
        name: 'Project plan',
        title: 'Streets with Stories: A Neighbourhood Podcast',
        dateLabel: 'Started',
        daysBefore: 40,
        meta: [
          ['Grade / subject', 'Grade 5 Social Studies and ELA'],
          ['Duration', 'Five weeks, three sessions a week'],
          ['Tools', 'Shared tablets, a free audio editor, the school website'],
        ],
        blocks: [
          { h: 'Why a podcast' },
          {
            p: 'Writing a report about a street name reaches the teacher; an episode reaches the neighbourhood. Recording an interview lets students use the voices of older residents as a source, which a written report cannot carry. I chose audio over video because it needs less bandwidth and students can record with one tablet.',
          },
          { h: 'Weeks 1-2: Research and sources' },
          {
            ul: [
              'Each group picks a street and finds at least two sources about its namesake.',
              'Source check: who made it, when, and why might they be right or wrong? Groups record the check in a shared table.',
              'Interview plan: questions, consent form for the interviewee, and what will not be published (home addresses, phone numbers).',
            ],
          },
          { h: 'Weeks 3-4: Record, edit, publish' },
          {
            ul: [
              'Scripts are storyboarded, recorded and edited in pairs on the shared tablets.',
              'Music and sound effects come only from the Creative Commons library, credited in the show notes.',
              'Episodes are published on the school website and played at the family evening.',
            ],
          },
          { h: 'Week 5: Listener feedback and revision' },
          {
            p: 'Families leave comment cards; each group reads its cards, chooses one change and re-records or re-edits.',
          },
        ],
      },
    ],
    photos: [{ file: 'storyboards', name: 'Photo: episode storyboards on the classroom wall', scene: 'gallery' }],
    definitive: {
      decision: 'pass',
      levels: [2, 3, 2, 1],
      rationales: [
        'Proficient: the plan (p. 1, "Why a podcast") states the learning purpose and why audio changes what students can do, using residents\' voices as sources. Students do not help choose or compare tools, so not Exemplary.',
        "Exemplary: episodes were published on the school website and played at the family evening, and the reflection and Week 5 of the plan show groups revising and re-recording in response to listeners' comment cards.",
        'Proficient: groups practise evaluating two sources each and record why they trust one more, credit Creative Commons media and keep addresses and phone numbers out of episodes. They do not teach these criteria to others, so not Exemplary.',
        'Developing: the overview names the access gap (eleven students without devices) but the only pathway is class time on shared tablets, and the reflection says two students never finished. Differences are noted with no alternative offered. The total of 8 still meets the rule, so the decision is pass.',
      ],
    },
  },
  {
    key: 'calibration/ivan-leadership',
    achievement: 'instructional-leadership',
    attempt: 1,
    submitted: { daysAgo: 15, at: '07:55' },
    dueInDays: -2,
    earner: {
      name: 'Иван Петров',
      pdfName: 'Ivan Petrov',
      email: 'ivan.petrov@northfield-es.example.org',
      organization: 'Northfield Elementary School',
    },
    overview:
      "I lead the grade 3-4 literacy team of five teachers. In September our benchmark showed that 61 percent of students could retell a story but only 34 percent could infer a character's motive with evidence from the text. The team looked at the item analysis and a sample of written responses together and set the goal that by February 60 percent of students would score 2 or more on the inference item, with checks in November and December.",
    reflection:
      'The observation cycles were the hardest part for me. In the first round my feedback was too long; two colleagues told me in the debrief survey that they could not tell what to try next. I changed to one glow, one grow and one agreed next step, written together at the end of the conversation. By the December check the team was at 52 percent on the inference item. I still lead every meeting; my aim for the spring is that Maria and Dev facilitate the data protocol.',
    docs: [
      {
        file: 'cycle-plan',
        name: 'PLC cycle plan, observation notes and data',
        title: 'Inference with Evidence: Grade 3-4 Literacy PLC',
        dateLabel: 'Cycle began',
        daysBefore: 120,
        meta: [
          ['Team', 'Five grade 3-4 teachers, literacy coach'],
          ['Cycle', 'September to February, meetings every second Thursday'],
          ['Goal', '60 % scoring 2+ on the inference item by February'],
        ],
        blocks: [
          { h: 'Data that set the goal' },
          {
            table: [
              ['Check', 'Retell (2+)', 'Inference (2+)', 'Students'],
              ['September', '61 %', '34 %', '118'],
              ['November', '66 %', '43 %', '117'],
              ['December', '68 %', '52 %', '119'],
            ],
          },
          { h: 'Meeting protocol' },
          {
            ol: [
              'Norms check (2 min), read aloud by a rotating timekeeper.',
              'Looking at student work: each teacher brings three responses (high, middle, low); the team sorts them against the inference rubric.',
              'What do we notice? Evidence only, no judgements, for ten minutes.',
              'Each teacher names one move to try before the next meeting.',
            ],
          },
          { h: 'Observation and feedback' },
          {
            p: 'Each teacher is observed twice per cycle during the read-aloud. Notes record the questions asked and which students answered with evidence from the text. The debrief ends with one agreed next step written by both of us.',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'inference-progress',
        name: 'Chart: share of students scoring 2+ on inference',
        title: 'INFERENCE ITEM, SHARE SCORING 2+ (%)',
        categories: ['Sep', 'Nov', 'Dec'],
        series: [{ label: 'Grades 3-4', values: [34, 43, 52] }],
        max: 100,
        unit: '%',
      },
    ],
    definitive: {
      decision: 'pass',
      levels: [3, 2, 2, 2, 2],
      rationales: [
        'Exemplary: the goal was set with the team from the item analysis and a sample of written responses (overview), is measurable (60 % scoring 2+) and has interim checkpoints in November and December (table on p. 1).',
        'Proficient: debriefs end with one agreed next step written together, tied to evidence from the read-aloud notes and to the inference goal. The leader still sets the observation focus, so not Exemplary.',
        'Proficient: the team reviews student work at every meeting and the data at two planned checks, and each teacher names a move to try. The data are not disaggregated by student group, so not Exemplary.',
        'Proficient: norms are read by a rotating timekeeper and the protocol gives each teacher a turn with their own student work. Colleagues do not yet facilitate (the reflection says so), so not Exemplary.',
        'Proficient: the reflection uses the debrief survey to identify a specific move the leader changed (one glow, one grow, one next step) and a move to hand over. It does not connect leadership moves to the student results. Every criterion is Proficient or above and the total is 11, so pass.',
      ],
    },
  },
  {
    key: 'calibration/chen-assessment',
    achievement: 'performance-assessment',
    attempt: 1,
    submitted: { daysAgo: 6, at: '21:30' },
    dueInDays: 8,
    earner: {
      name: '陈静',
      pdfName: 'Chen Jing',
      email: 'jing.chen@harbour-view-hs.example.org',
      organization: 'Harbour View High School',
    },
    overview:
      'The task is for my two ninth-grade algebra classes (54 students). The city is redesigning Pier Park and asked schools for ideas. Students act as a design team: they propose a layout for a rectangular play area with a fixed length of fencing, model its area with a quadratic function, and present the layout that gives the most play space to a parks officer who visited both classes. The targets are HSF-IF.B.4 and HSA-CED.A.1.',
    reflection:
      'Students were far more invested than in a textbook optimisation problem; several groups argued for a smaller area because it kept a tree. Scoring was harder than I expected. My colleague and I scored the same ten papers and disagreed on six of them on the "communication" row, and when I re-read the rubric I saw why: the levels say "clear", "mostly clear" and "somewhat clear". I returned the scored work with comments and students wrote a revision of their recommendation, and I re-taught vertex form because most groups found the maximum only from the table.',
    docs: [
      {
        file: 'task-and-rubric',
        name: 'Performance task and rubric',
        title: 'Pier Park Play Area: A Design Proposal',
        dateLabel: 'Administered',
        daysBefore: 21,
        meta: [
          ['Grade / subject', 'Grade 9 Algebra I'],
          ['Standards', 'CCSS HSF-IF.B.4, HSA-CED.A.1'],
          ['Audience', 'City parks officer (visited in week 3)'],
        ],
        blocks: [
          { h: 'The task' },
          {
            p: 'You have 60 m of fencing for a rectangular play area against the pier wall (the wall needs no fence). Propose a layout, write a function for its area, find the layout with the most area, and decide whether the largest area is the best design. Present your recommendation to the parks officer in five minutes.',
          },
          { h: 'Choices students make' },
          {
            ul: [
              'Which features (benches, a tree, a path) to keep and how they limit the layout.',
              'Whether to recommend the maximum area or a different layout, and why.',
              'How to present: poster, slides or a scale model.',
            ],
          },
          { h: 'Rubric (four rows, four levels)' },
          {
            table: [
              ['Row', '4', '3', '2', '1'],
              [
                'Model',
                'Correct function, domain stated',
                'Correct function',
                'Function with one error',
                'No function',
              ],
              ['Maximum', 'Vertex found and interpreted', 'Vertex found', 'Maximum from a table', 'Not found'],
              ['Decision', 'Weighs two alternatives', 'Justified choice', 'Choice stated', 'No choice'],
              ['Communication', 'Clear', 'Mostly clear', 'Somewhat clear', 'Unclear'],
            ],
            widths: [0.18, 0.22, 0.2, 0.2, 0.2],
          },
        ],
      },
    ],
    photos: [{ file: 'scale-models', name: 'Photo: scale models before the presentations', scene: 'prototypes' }],
    definitive: {
      decision: 'not-yet',
      levels: [2, 3, 1, 2],
      rationales: [
        'Proficient: the two standards are named (p. 1) and every part of the task requires them: writing the area function (HSA-CED.A.1) and finding and interpreting the maximum (HSF-IF.B.4). The design does not explain the mapping of each part to a target, so not Exemplary.',
        "Exemplary: students work on an open problem for a real client (the city's Pier Park redesign, a parks officer as audience) and must justify a choice among alternatives, including whether the largest area is the best design.",
        'Developing: the Model, Maximum and Decision rows describe observable quality, but the Communication row differs only by adverbs ("clear", "mostly clear", "somewhat clear"), and the reflection shows it could not be scored consistently (six of ten disagreements). A required criterion below Proficient means not yet.',
        'Proficient: students revised their recommendation from the scored comments, and the teacher re-taught vertex form because most groups found the maximum only from the table. There is no self- or peer-assessment, so not Exemplary.',
      ],
    },
  },
  {
    key: 'calibration/olusegun-creative',
    achievement: 'creative-thinking',
    attempt: 1,
    submitted: { daysAgo: 4, at: '12:45' },
    dueInDays: 10,
    earner: {
      name: 'Olusegun Adeyemi',
      email: 'olusegun.adeyemi@westbrook-ms.example.org',
      organization: 'Westbrook Middle School',
    },
    overview:
      'My eighth-grade design and technology class (24 students) took on the problem of the lunch queue: it takes twenty minutes and the last students have eight minutes to eat. Students interviewed the kitchen staff, timed the queue for a week and then generated ideas to shorten it. I ran the project over three weeks in our maker space; the head of year agreed to try the winning idea for a fortnight.',
    reflection:
      'The brainstorm worked better than any I have run: with the "no buts for ten minutes" rule, the class produced 140 ideas, from a second till to pre-ordering by QR code. Groups built paper prototypes of the queue layout, the canteen manager critiqued them, and every group went through two rounds; the idea logs record why ideas were dropped (pre-ordering by QR code failed because a third of students have no phone at lunch). Students chose which idea to develop, but within the problem and the success measure I gave them.',
    docs: [
      {
        file: 'project-plan',
        name: 'Project plan and idea log',
        title: 'Beat the Lunch Queue',
        dateLabel: 'Started',
        daysBefore: 24,
        meta: [
          ['Grade / subject', 'Grade 8 Design and Technology'],
          ['Duration', 'Three weeks, four lessons a week'],
          ['Client', 'Canteen manager and head of year'],
        ],
        blocks: [
          { h: 'Week 1: Understand the problem' },
          {
            ul: [
              'Interview the kitchen staff (prepared questions, groups of four).',
              'Time the queue on five days: arrival, first served, last served.',
              'Map where the queue slows down on a floor plan of the canteen.',
            ],
          },
          { h: 'Week 2: Ideas' },
          {
            ol: [
              'Brainstorm with deferred judgement: ten minutes, no criticism, every idea on a sticky note.',
              'Cluster the notes; each group picks a cluster and combines ideas using SCAMPER prompts.',
              'Dot vote on the three most promising ideas per group; groups choose one to prototype.',
            ],
          },
          { h: 'Week 3: Prototype and critique' },
          {
            p: 'Groups build a paper prototype of the new layout and walk the canteen manager through it. Each group records the feedback in its idea log, with the reason for every idea it drops, and builds a second prototype for a second critique before the final pitch to the head of year.',
          },
        ],
      },
    ],
    photos: [{ file: 'idea-wall', name: 'Photo: the idea wall after the brainstorm', scene: 'sticky-notes' }],
    definitive: {
      decision: 'pass',
      levels: [1, 2, 1],
      rationales: [
        "Proficient: a structured routine (deferred judgement, then SCAMPER on clustered notes, Week 2 of the plan) produced many varied ideas, 140 by the reflection's count, before any was chosen. The teacher chose the routines, so not Exemplary.",
        'Exemplary: every group documented two rounds of prototype and critique, and the idea logs explain what was learned from ideas that failed (the QR pre-order, because a third of students have no phone at lunch).',
        'Proficient: students chose which idea to develop and how to prototype it, a meaningful choice about the product. The teacher set the problem and the success criteria, so not Exemplary. Every criterion is Proficient or above and the total is 4 (of 6), so pass.',
      ],
    },
  },
  {
    key: 'calibration/siobhan-global',
    achievement: 'global-graduates',
    attempt: 1,
    submitted: { daysAgo: 17, at: '15:10' },
    dueInDays: -3,
    earner: {
      name: 'Siobhán Ní Bhriain',
      email: 'siobhan.nibhriain@riverbend-hs.example.org',
      organization: 'Riverbend High School',
    },
    overview:
      'My tenth-grade world history class (31 students, many from families who came to the city in the last twenty years) studied migration through the question: why do people leave home, and what do they find when they arrive? Students compared the Irish famine migration with present-day migration from the Sahel, and held three video calls with a partner class in Dakar whose students interviewed their own relatives.',
    reflection:
      'The turning point was the second call, when a student in Dakar said that in her family leaving was seen as a duty, not a loss. My students had assumed every migrant story was a tragedy, and their comparison essays changed: most explained how family expectations and economic circumstances shaped the decision to leave. At the end students proposed ways to welcome new students at our school and wrote them up for the principal, but the year ended before any of them were tried.',
    docs: [
      {
        file: 'unit-plan',
        name: 'Unit plan',
        title: 'Leaving Home: Migration Then and Now',
        dateLabel: 'Taught',
        daysBefore: 35,
        meta: [
          ['Grade / subject', 'Grade 10 World History'],
          ['Duration', 'Four weeks'],
          ['Partner', 'A grade 10 class in Dakar, Senegal (three video calls)'],
        ],
        blocks: [
          { h: 'Essential question' },
          { p: 'Why do people leave home, and what do they find when they arrive?' },
          { h: 'Sources' },
          {
            ul: [
              'Letters from Irish emigrants, 1847-1852 (county archive, digitised).',
              'UN migration data for the Sahel, 2010-2023, and two news reports from different countries.',
              'Interviews the Dakar students recorded with their relatives, shared with consent.',
            ],
          },
          { h: 'Video calls' },
          {
            ol: [
              "Introductions and each class's own migration stories.",
              'Dakar students present their interviews; our students ask questions prepared in advance.',
              "Both classes share their comparison essays' main claims and respond.",
            ],
          },
          { h: 'Action' },
          {
            p: 'Groups propose one way our school could welcome students who have just arrived in the country, with a cost and a plan, and send it to the principal.',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'essay-claims',
        name: 'Chart: reasons for leaving named in the essays, before and after the calls',
        title: 'REASONS FOR LEAVING NAMED (SHARE OF ESSAYS, %)',
        categories: ['Famine / war', 'Work', 'Family duty', 'Education', 'Climate'],
        series: [
          { label: 'Draft', values: [90, 45, 6, 13, 10] },
          { label: 'Final', values: [84, 71, 52, 39, 42] },
        ],
        max: 100,
        unit: '%',
      },
    ],
    definitive: {
      decision: 'not-yet',
      levels: [2, 2, 2, 1],
      rationales: [
        "Proficient: students investigate a question of global significance with varied, credible sources (archive letters, UN data, two news reports). The relatives' interviews are the Dakar class's, not gathered by these students, so not Exemplary.",
        'Proficient: the essays (chart: "family duty" rises from 6 % to 52 %) explain how family expectations and economic circumstance shape the decision to leave. Students do not examine their own perspective alongside the others, so not Exemplary.',
        'Proficient: three calls with a partner class in Dakar, with prepared questions and a shared discussion of claims. There is no co-created product, so not Exemplary.',
        'Developing: students proposed welcome actions to the principal, but the reflection says none was carried out. Proposed but not taken: below the required Proficient, so not yet (the total of 7 is also under 9).',
      ],
    },
  },
  {
    key: 'calibration/aarav-pl',
    achievement: 'professional-learning',
    attempt: 1,
    submitted: { daysAgo: 2, at: '10:20' },
    dueInDays: 12,
    earner: {
      name: 'आरव मेहता',
      pdfName: 'Aarav Mehta',
      email: 'aarav.mehta@district7.example.org',
      organization: 'District 7 Curriculum Office',
    },
    overview:
      'Eighteen secondary mathematics teachers from three schools took part in a two-hour session on exit tickets. The district survey and my walkthroughs showed that teachers gave exit tickets but rarely used them the next day. Before designing the session I met the three department heads; together we chose the outcome (use an exit ticket to regroup students the next lesson) and they asked for separate tracks for new and experienced teachers.',
    reflection:
      "Teachers spent most of the session sorting real exit tickets from their own classes and planning tomorrow's regrouping; my agenda notes the facilitation move behind each activity. Follow-up was uneven: department heads ran one PLC meeting each in the following fortnight where teachers brought sorted tickets, and 12 of 18 did. My evaluation asked what teachers learned and planned to change, and I changed the second session because most wanted more time on hinge questions.",
    docs: [
      {
        file: 'agenda',
        name: 'Agenda and facilitator notes',
        title: "From Exit Ticket to Tomorrow's Lesson",
        dateLabel: 'Session',
        daysBefore: 30,
        meta: [
          ['Participants', '18 secondary mathematics teachers, three schools'],
          ['Length', '120 minutes'],
          ['Co-designed with', 'Three department heads'],
        ],
        blocks: [
          { h: 'Outcome' },
          { p: "Each teacher leaves with a plan to regroup students tomorrow from today's exit tickets." },
          { h: 'Agenda' },
          {
            table: [
              ['Time', 'Activity', 'Facilitation move named'],
              ['0:00', 'Sort five exit tickets from my own class (modelled)', 'Think-aloud'],
              ['0:15', 'Sort your own tickets in threes: got it / partly / not yet', 'Protocol with roles'],
              ['0:50', "Plan tomorrow's groups and tasks (two tracks)", 'Differentiated tracks'],
              ['1:30', 'Gallery of plans, one question per plan', 'Gallery walk'],
              ['1:50', 'Exit ticket on the session itself', 'Modelling the practice'],
            ],
            widths: [0.12, 0.58, 0.3],
          },
          { h: 'Follow-up' },
          {
            p: 'Department heads run one PLC meeting within two weeks; teachers bring a sorted set of exit tickets and the regrouping they tried.',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'follow-up',
        name: 'Chart: teachers bringing sorted tickets to the follow-up meeting',
        title: 'FOLLOW-UP MEETING, TEACHERS WITH SORTED TICKETS',
        categories: ['School A', 'School B', 'School C'],
        series: [
          { label: 'Took part', values: [7, 6, 5] },
          { label: 'Brought tickets', values: [6, 3, 3] },
        ],
        max: 8,
      },
    ],
    definitive: {
      decision: 'pass',
      levels: [3, 2, 2, 2],
      rationales: [
        'Exemplary: the department heads co-designed the outcome from the survey and walkthrough data (overview), and the session runs separate tracks for new and experienced teachers (agenda, 0:50).',
        "Proficient: most of the 120 minutes is active (sorting their own tickets, planning tomorrow's groups), and the agenda names each facilitation move. Exemplary would need the session to make the moves explicit for participants to reuse; here they are named in the facilitator's agenda only, and the reflection does not say participants discussed them.",

        'Proficient: one PLC meeting per school within two weeks, where teachers brought sorted tickets (12 of 18, chart). A single follow-up is not sustained over weeks, so not Exemplary.',
        "Proficient: the session's exit ticket asks what teachers learned and plan to change, and the second session was redesigned from it (more time on hinge questions). It does not follow student learning, so not Exemplary. Every criterion is Proficient or above and the total is 9, so pass.",
      ],
    },
  },
];

/**
 * Seeds hidden among live work. The package carries as many as one per `every` live submissions
 * allows, taken in this order; they look like any other submission (same id shape, names, dates).
 */
export const SEED_SAMPLES: QaSampleDef[] = [
  {
    key: 'maria-core-stem',
    achievement: 'core-stem',
    attempt: 1,
    submitted: { daysAgo: 6, at: '18:15' },
    dueInDays: 6,
    earner: {
      name: 'Μαρία Γεωργίου',
      pdfName: 'Maria Georgiou',
      email: 'maria.georgiou@oakridge-ms.example.org',
      organization: 'Oakridge Middle School',
    },
    overview:
      'My eighth-grade physical science class (27 students) investigated why the bike shed roof at school collapsed under snow last winter while the roof next to it held. Teams designed and load-tested model roof trusses from craft sticks under a 30-stick budget, chose which shapes to compare, and improved their design against two criteria: the load it carries and the load per stick used.',
    reflection:
      "The load-per-stick measure changed the conversation: the strongest truss was not the best design, and teams argued about that with their numbers. In the claim sessions students had to restate the previous team's claim before challenging it, and I mostly stayed out. The final write-ups show a pattern I had not expected: 9 of 27 students explained strength by the number of sticks rather than by triangles. Next year I will add a short test of a square and a triangle frame before the design challenge.",
    docs: [
      {
        file: 'lesson-plan',
        name: 'Lesson plan',
        title: 'Why Did the Bike Shed Roof Fall?',
        dateLabel: 'Taught',
        daysBefore: 10,
        meta: [
          ['Grade / subject', 'Grade 8 Physical Science'],
          ['Duration', 'Four 50-minute periods'],
          ['Standards', 'NGSS MS-ETS1-2, MS-ETS1-4, MS-PS2-2; CCSS 7.RP.A.2'],
        ],
        blocks: [
          { h: 'Phenomenon' },
          {
            p: 'Two photos of last winter: the collapsed bike shed roof and the intact roof of the next shed. Students list differences and decide which ones they can test with models.',
          },
          { h: 'Design challenge' },
          {
            ul: [
              'Build a truss spanning 30 cm from at most 30 craft sticks and glue.',
              'Criteria: maximum load (kg) before failure, and load per stick.',
              'Teams choose which truss shapes to compare and how many trials to run.',
            ],
          },
          { h: 'Claim sessions' },
          {
            p: 'Teams present a claim about what makes a truss efficient. The next team must restate it and then agree or challenge using their own data. The teacher records claims on the board without judging them.',
          },
          { h: 'Assessment' },
          {
            p: 'Individual write-up: which truss would you build for the bike shed, and why? Scored claim, evidence, reasoning.',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'load-per-stick',
        name: 'Student data: load carried per stick, first and second designs',
        title: 'LOAD PER STICK (KG)',
        categories: ['Team A', 'Team B', 'Team C', 'Team D', 'Team E', 'Team F', 'Team G'],
        series: [
          { label: 'Design 1', values: [0.4, 0.6, 0.3, 0.5, 0.7, 0.4, 0.5] },
          { label: 'Design 2', values: [0.9, 0.8, 0.6, 1.1, 0.9, 0.5, 1] },
        ],
        max: 1.5,
      },
    ],
    definitive: {
      decision: 'pass',
      levels: [2, 3, 3, 2],
      rationales: [
        'Proficient: an authentic phenomenon (the collapsed shed roof) and teams choose which truss shapes to compare and how many trials to run. Students do not generate their own questions, so not Exemplary.',
        'Exemplary: teams iterate against quantitative criteria and a constraint (the 30-stick budget), and the load-per-stick measure makes them explain trade-offs with data (chart, reflection).',
        'Exemplary: each team restates the previous claim before agreeing or challenging it with its own data, and the teacher only records claims (lesson plan, "Claim sessions").',
        'Proficient: the reflection analyses the write-ups, finds a specific misconception (9 of 27 explain strength by the number of sticks) and proposes a revision. It looks at one pattern rather than across groups, so not Exemplary. Every criterion is Proficient or above and the total is 10, so pass.',
      ],
    },
  },
  {
    key: 'kwame-global',
    achievement: 'global-graduates',
    attempt: 1,
    submitted: { daysAgo: 14, at: '16:50' },
    dueInDays: 4,
    earner: {
      name: 'Kwame Mensah',
      email: 'kwame.mensah@lakeside-hs.example.org',
      organization: 'Lakeside High School',
    },
    overview:
      'My eleventh-grade economics class (22 students) investigated where their phones go when they are thrown away. The question came from a news report about electronic waste sites in Accra, near where my family is from. Students traced the route of discarded devices using trade data and reports, and recorded a video message for a youth recycling cooperative in Accra, which replied with one of its own.',
    reflection:
      'Students understood the trade data well and their posters explained the route clearly. The exchange with the cooperative was a single message each way, and when students read the reply they mostly wrote about how different Accra is rather than why the young workers see the trade as an opportunity. I did not push them to compare the two views. Students then organised a phone collection at school that gathered 140 devices, and they wrote about what would happen to them next.',
    docs: [
      {
        file: 'unit-plan',
        name: 'Unit plan',
        title: 'Where Do Our Phones Go?',
        dateLabel: 'Taught',
        daysBefore: 28,
        meta: [
          ['Grade / subject', 'Grade 11 Economics'],
          ['Duration', 'Three weeks'],
          ['Partner', 'A youth recycling cooperative in Accra, Ghana'],
        ],
        blocks: [
          { h: 'Guiding question' },
          { p: 'Where do our phones go when we throw them away, and who gains or loses along the way?' },
          { h: 'Investigation' },
          {
            ul: [
              'UN Comtrade data on used electronics exports, 2015-2022.',
              'Two reports on electronic waste in West Africa, one by an NGO and one by an industry body; students compare their claims.',
              "A map of the route from our town's recycling centre to the port.",
            ],
          },
          { h: 'Exchange' },
          {
            p: 'The class records a five-minute video message with questions for the cooperative; the cooperative replies with a video tour and answers.',
          },
          { h: 'Action' },
          { p: 'A school phone collection with a certified recycler, planned and run by students.' },
        ],
      },
    ],
    photos: [{ file: 'route-posters', name: 'Photo: route posters on the corridor wall', scene: 'gallery' }],
    definitive: {
      decision: 'not-yet',
      levels: [2, 1, 2, 2],
      rationales: [
        'Proficient: a question of global significance investigated with varied, credible sources, including two reports with opposing interests that students compare (unit plan, "Investigation").',
        "Developing: the cooperative's view is heard, but the reflection says students wrote about difference rather than examining why the workers see the trade as an opportunity, and they were not asked to compare the views. Below the required Proficient.",
        'Proficient: students communicate with an audience in another region (video message and reply), adapting the medium. One message each way is not a sustained exchange, so not Exemplary.',
        'Proficient: students planned and ran a collection (140 devices) and reflected on what happens to them next. Its effect beyond the school is not documented, so not Exemplary. With perspectives at Developing the decision is not yet, although the total is 7.',
      ],
    },
  },
];
