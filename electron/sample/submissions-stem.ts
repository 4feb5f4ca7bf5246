// Sample submissions for Core STEM Teaching Practices and Digital Fluency.
import type { SubmissionDef } from './submissions.js';

export const STEM_SUBMISSIONS: SubmissionDef[] = [
  {
    key: 'zoe-core-stem',
    achievement: 'core-stem',
    attempt: 2,
    submitted: { daysAgo: 3, at: '16:20' },
    dueInDays: 9,
    earner: {
      name: 'Zoë Núñez-Łukasiewicz',
      email: 'zoe.nunez-lukasiewicz@lincoln-ms.example.org',
      organization: 'Lincoln Middle School',
    },
    overview:
      'I teach four sections of seventh-grade science at Lincoln Middle School; this submission comes from my third-period class of 28 students, six of whom are multilingual learners and four of whom have IEPs with reading accommodations. After a boil-water notice in our town last spring, students kept asking how water gets cleaned, so the unit is anchored in that phenomenon: why did water from the reservoir look clear but still make people sick? In this revised lesson, teams design, test and improve a gravity water filter from low-cost materials, and they decide for themselves what to measure.',
    reflection:
      'In my first attempt the filter procedure was mine, and the reviewer was right that students were confirming rather than investigating. This time each team chose its own filter layers and its own test, and the clarity data in the chart shows that seven of eight teams improved their second design by at least 30 percent. The strongest evidence of learning is in the claim-evidence-reasoning write-ups: 21 of 28 students connected particle size to the layer that trapped it, but most still believed that a clear sample is safe to drink. Next time I will add a short investigation with a microbe model (yeast and food dye) before the redesign, so that students confront that misconception with their own data rather than hearing it from me.',
    docs: [
      {
        file: 'lesson-plan',
        name: 'Lesson plan (revised)',
        title: "Clear Isn't Clean: Designing a Gravity Water Filter",
        dateLabel: 'Taught',
        daysBefore: 12,
        meta: [
          ['Grade / subject', 'Grade 7 Science'],
          ['Duration', 'Three 50-minute periods'],
          ['Standards', 'NGSS MS-ETS1-2, MS-ETS1-3, MS-ETS1-4; CCSS 7.RP.A.3'],
        ],
        blocks: [
          { h: 'Anchoring phenomenon' },
          {
            p: 'Last spring our town issued a three-day boil-water notice after heavy rain, even though tap water looked perfectly clear. Students open the unit with the notice itself and two jars of water: one muddy, one clear but "contaminated" (the class is told it contains a model microbe). The driving question is: how can we make water safe to drink, and how would we know?',
          },
          { h: 'Learning objectives' },
          {
            ul: [
              'Design a gravity filter that meets criteria (clarity, flow rate) within constraints (a 20-credit materials budget).',
              'Plan a fair test of the filter, choosing what to measure and how many trials to run.',
              'Use ratios and percent change to compare designs and justify a redesign with data.',
              'Construct a claim, supported by evidence and reasoning, about what a filter can and cannot remove.',
            ],
          },
          { h: 'Materials (per team of four)' },
          {
            ul: [
              'Two 1-litre plastic bottles, cut in half; rubber bands; cheesecloth',
              'Gravel, coarse sand, fine sand, activated charcoal, cotton balls, coffee filters (each with a "price" in credits)',
              '500 mL of muddy water per trial, prepared from schoolyard soil',
              'Clarity tube: a 60 cm clear tube with a black-and-white disk sticker at the bottom',
              'Stopwatch, graduated cylinder, team design notebook',
            ],
          },
          { h: 'Day 1: Questions and first designs' },
          {
            ol: [
              'Notice and wonder (10 min): students examine the boil-water notice and the two jars, then record questions on sticky notes. The class sorts questions into ones we can investigate in class and ones we need outside sources for.',
              'Criteria and constraints (10 min): teams agree on what a "good" filter means. The class settles on clarity (cm on the clarity tube) and flow rate (mL per minute); teams may add a third criterion of their own.',
              'Design (20 min): teams sketch a first design, list layers in order with a reason for each, and check the cost against the 20-credit budget. Teams decide how many trials they will run and why.',
              'Exit ticket (5 min): "What do you predict your filter will remove, and what will it not remove?"',
            ],
          },
          { h: 'Day 2: Test, analyse and redesign' },
          {
            ol: [
              'Teams build and test Design 1 using their own test plan, recording clarity and flow rate for each trial.',
              'Teams calculate the mean clarity and the percent improvement over unfiltered water, and post results on the class data wall.',
              'Data talk (15 min): teams visit two other posters and leave one question and one "I notice" comment grounded in the numbers.',
              'Teams choose one change for Design 2 and write a design decision record: what they will change, why, and what result they expect.',
            ],
          },
          { h: 'Day 3: Second design and argument' },
          {
            ol: [
              'Teams build and test Design 2, then compare the two designs using percent change.',
              'Microbe challenge: the teacher reveals that the clear jar contained yeast. Teams test whether their filter removed it (a sugar test shows gas production) and discuss what this means for the driving question.',
              'Scientists meeting (15 min): teams present claims, and peers must respond with evidence before offering a new claim (sentence stems on the table tents).',
              'Individual CER write-up: "Can a sand-and-charcoal filter make water safe to drink?"',
            ],
          },
          { h: 'Changes since the first submission' },
          {
            p: 'In the first version every team followed the same layer order from a handout, so the data could only confirm the expected result. Teams now choose layers, criteria and the number of trials, and the design decision record makes the reasoning behind each redesign visible. The scientists meeting replaces the whole-class report to the teacher so that students respond to each other.',
          },
          { h: 'Assessment' },
          {
            p: 'The CER write-up is scored with the department rubric (claim, evidence, reasoning, each 0-3). The design decision record and the data wall posters provide formative evidence of how teams used their data; I confer with each team during Day 2.',
          },
          { h: 'Supports' },
          {
            ul: [
              'Bilingual glossary (Spanish, Polish, Arabic) for filter, layer, particle, clarity, flow rate.',
              'Sentence stems and a partially completed data table for students with reading accommodations.',
              'Roles (materials manager, timer, recorder, skeptic) rotate each day.',
            ],
          },
          { h: 'Data recording table' },
          {
            table: [
              ['Trial', 'Layers (top to bottom)', 'Volume (mL)', 'Time (s)', 'Clarity (cm)'],
              ['1', 'gravel, coarse sand, charcoal, cotton', '500', '', ''],
              ['2', '', '500', '', ''],
              ['3', '', '500', '', ''],
            ],
            widths: [0.1, 0.42, 0.16, 0.14, 0.18],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'clarity-by-team',
        name: 'Student work: clarity results by team',
        title: 'WATER CLARITY BY TEAM (CM)',
        categories: ['Team 1', 'Team 2', 'Team 3', 'Team 4', 'Team 5', 'Team 6', 'Team 7', 'Team 8'],
        series: [
          { label: 'Design 1', values: [18, 22, 15, 30, 12, 26, 20, 24] },
          { label: 'Design 2', values: [31, 35, 27, 38, 14, 41, 29, 36] },
        ],
        max: 50,
      },
    ],
    videos: [{ name: 'Classroom video: teams testing their second designs (9 min)', id: 8812 }],
    previous: [
      {
        daysAgo: 34,
        levels: [1, 2, 1, 1],
        feedback:
          "Thank you for a clearly organised lesson with a strong local phenomenon. At this point the lesson does not yet let students investigate: every team followed the same filter procedure from the handout, so the data could only confirm the expected result. Please resubmit with evidence that students make design decisions themselves, that they respond to one another's claims, and a reflection that draws on the student work rather than general impressions.",
        comments: [
          'Students asked good questions on Day 1, but the procedure and the layers were fixed by the handout.',
          'Students measured clarity, graphed it and used the data to choose the best filter. This meets Proficient.',
          "The video shows teams reporting results to you; peers do not yet respond to each other's claims.",
          "The reflection says students 'really understood filtration' but does not point to the student work to show it.",
        ],
      },
    ],
  },
  {
    key: 'liam-core-stem',
    achievement: 'core-stem',
    attempt: 1,
    submitted: { daysAgo: 12, at: '15:05' },
    dueInDays: -2,
    earner: {
      name: "Liam O'Connor",
      email: 'liam.oconnor@harborview.example.org',
      organization: 'Harbor View Elementary School',
    },
    overview:
      "I teach a self-contained fifth-grade class of 24 students at Harbor View Elementary, a Title I school where about a third of my students are still building English proficiency. The unit is about patterns in the sky, and this lesson started from a photo a student took of our flagpole's shadow at morning recess and again at lunch: why had the shadow moved and shrunk? Students had measured shadows before, but never designed their own way to test an explanation.",
    reflection:
      "Students' shadow-length graphs are the best evidence I have that they understood the pattern: 19 of 24 predicted the 2 p.m. shadow length within 15 centimetres from their own morning data. The discourse was weaker than I hoped; when groups disagreed about whether the sun or the Earth was moving, I stepped in too quickly with the answer. Next time I will use a sentence-stem protocol ('I agree with ___ because our data shows ___') and hold back for the whole ten minutes, and I will add a flashlight-and-globe model so that students can test the rotation explanation themselves rather than take it from me.",
    docs: [
      {
        file: 'lesson-plan',
        name: 'Lesson plan',
        title: "Chasing Shadows: Why Does the Flagpole's Shadow Change?",
        dateLabel: 'Taught',
        daysBefore: 16,
        meta: [
          ['Grade / subject', 'Grade 5 Science'],
          ['Duration', 'Two 60-minute lessons plus outdoor observations at 9:00, 11:00, 13:00 and 14:00'],
          ['Standards', 'NGSS 5-ESS1-2; CCSS 5.MD.B.2'],
        ],
        blocks: [
          { h: 'Lesson overview' },
          {
            p: "Students explain the daily pattern in the length and direction of shadows. Starting from two photos of the flagpole's shadow, groups design a way to measure shadows through the school day, collect data outdoors, graph it, and use the graph to predict an afternoon shadow before measuring it.",
          },
          { h: 'Objectives' },
          {
            ul: [
              'Plan a consistent way to measure shadow length and direction (same stick, same spot, compass directions).',
              'Represent shadow data in a line graph and describe the pattern it shows.',
              "Use the pattern to make and test a prediction, and explain it in terms of the sun's apparent position.",
            ],
          },
          { h: 'Materials' },
          {
            ul: [
              'Metre sticks set in flowerpots of sand, one per group',
              'Chalk, measuring tapes, compasses',
              'Group data sheet and graph paper',
              'Photos of the flagpole shadow at 10:15 and 12:30',
            ],
          },
          { h: 'Procedure' },
          {
            ol: [
              'Launch (10 min): compare the two flagpole photos. Students write what changed and why they think it changed.',
              'Plan (15 min): groups decide how to make their measurements fair and record their plan; we compare plans and agree on a common unit (cm) so that groups can share data.',
              'Observe (four 10-minute visits): groups trace the shadow with chalk and record length and direction at each time.',
              'Graph and predict (20 min): groups graph length against time and predict the 14:00 length before going out to measure it.',
              'Discuss (15 min): groups compare predictions with measurements and argue about what causes the pattern.',
            ],
          },
          { h: 'Assessment' },
          {
            p: 'Each student completes an exit ticket explaining the pattern with reference to their own graph. I check prediction accuracy and whether the explanation refers to the position of the sun.',
          },
          { h: 'Supports for multilingual learners' },
          {
            ul: [
              'Picture word wall: shadow, length, direction, predict, pattern',
              'Partner talk before whole-class discussion',
              'Graph template with labelled axes for students who need it',
            ],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'shadow-graph',
        name: 'Student work: group shadow graph',
        title: 'SHADOW OF A 1 M STICK (CM)',
        categories: ['9:00', '11:00', '13:00', '14:00'],
        series: [
          { label: 'Predicted', values: [150, 80, 52, 72] },
          { label: 'Measured', values: [148, 81, 49, 66] },
        ],
        max: 180,
      },
    ],
    photos: [{ file: 'gallery-walk', name: 'Photo: shadow charts posted for the gallery walk', scene: 'gallery' }],
  },
  {
    key: 'aiyana-core-stem',
    achievement: 'core-stem',
    attempt: 1,
    submitted: { daysAgo: 6, at: '19:45' },
    dueInDays: 20,
    earner: {
      name: 'Aiyana Redcloud',
      email: 'aiyana.redcloud@cedarcreek.example.org',
      organization: 'Cedar Creek High School',
    },
    overview:
      "I co-teach a ninth-grade integrated science and Algebra I block of 31 students at Cedar Creek High School, a rural school where many students ride the bus for over an hour. The challenge came from a student whose younger brother's insulin has to stay cool on a 70-minute bus ride: design a carrier from classroom materials that keeps a vial-sized water sample below 8 °C for as long as possible. The mathematics focus was modelling temperature change with tables, graphs and rates of change.",
    reflection:
      "The temperature-time graphs show that every team could calculate an average rate of warming, but only about half used the rate to justify a redesign; the others changed materials because another team's carrier 'looked better'. The video of the gallery critique shows students starting to challenge each other with data, especially when one student asked why a team's graph got steeper after they added foil. Next cycle I will require a design decision record before each rebuild so that students must cite a rate from their own data, and I will teach piecewise models explicitly because several teams fitted one straight line to data that clearly levelled off.",
    docs: [
      {
        file: 'lesson-plan',
        name: 'Unit plan',
        title: 'Keep It Cool: Modelling Heat Transfer to Design an Insulated Carrier',
        dateLabel: 'Taught',
        daysBefore: 14,
        meta: [
          ['Grade / subject', 'Grade 9 Integrated Science and Algebra I'],
          ['Duration', 'Four 85-minute block periods'],
          ['Standards', 'NGSS HS-PS3-4, HS-ETS1-3; CCSS HSF-IF.B.6, HSF-LE.A.1'],
        ],
        blocks: [
          { h: 'Design challenge' },
          {
            p: 'Design a carrier, from materials in the classroom, that keeps a 10 mL water sample below 8 °C for as long as possible at room temperature. The carrier must fit in a backpack pocket (15 x 10 x 10 cm) and cost no more than $3 in classroom "supply dollars".',
          },
          { h: 'Objectives' },
          {
            ul: [
              'Explain heat transfer by conduction, convection and radiation, and relate each to a design feature.',
              'Collect temperature-time data with probes, and calculate average rates of change over intervals.',
              'Decide whether a linear model fits the data, and justify the choice of model.',
              'Use rates from test data to justify a redesign.',
            ],
          },
          { h: 'Materials' },
          {
            ul: [
              'Temperature probes and data loggers (one per team)',
              'Foam, felt, foil, bubble wrap, cardboard, plastic cups, tape',
              'Ice bath at 2 °C for pre-cooling samples',
              'Design notebook and graphing calculator or spreadsheet',
            ],
          },
          { h: 'Sequence' },
          {
            ol: [
              'Block 1: the insulin story; mini-lesson on heat transfer; teams sketch two designs and predict which will warm more slowly.',
              'Block 2: build and test Prototype 1 (40 minutes of logging); compute average rate of change over each 10-minute interval.',
              'Block 3: gallery critique of graphs; teams write a design decision record and build Prototype 2.',
              'Block 4: test Prototype 2, compare models, and present a recommendation to the school nurse.',
            ],
          },
          { h: 'Assessment' },
          {
            p: 'Teams submit a recommendation memo with graphs, rates and a justified model; individuals complete a short written explanation of why the rate of warming decreases as the sample approaches room temperature.',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'minutes-below-8c',
        name: 'Student work: minutes below 8 °C by team',
        title: 'MINUTES BELOW 8 C BY TEAM',
        categories: ['Team A', 'Team B', 'Team C', 'Team D', 'Team E', 'Team F'],
        series: [
          { label: 'Prototype 1', values: [38, 52, 44, 61, 29, 47] },
          { label: 'Prototype 2', values: [55, 71, 50, 88, 46, 63] },
        ],
        max: 100,
      },
    ],
    videos: [{ name: 'Gallery critique of prototype data (9 min)', id: 4471 }],
  },
  {
    key: 'minjun-digital',
    achievement: 'digital-fluency',
    attempt: 1,
    submitted: { daysAgo: 9, at: '21:10' },
    dueInDays: 5,
    earner: {
      name: '김민준',
      pdfName: 'Kim Min-jun',
      email: 'minjun.kim@eastgate.example.org',
      organization: 'Eastgate Middle School',
    },
    overview:
      'I teach eighth-grade English language arts to 112 students in four sections at Eastgate Middle School; this project was with my second-period class of 29. About half of my students share a Chromebook with siblings at home and six have no reliable internet after school, so all recording and editing happened in class, and the library lent us four USB microphones. The goal was argument writing: each team produced a seven-minute podcast episode arguing which place in our neighbourhood deserves a historical marker, supported by interviews and archival sources.',
    reflection:
      "I chose an audio podcast over video or slides because audio lets students who are shy on camera contribute fully, and it forced them to carry the argument with words and evidence rather than visuals. We spent two lessons on lateral reading after several teams cited a local history website that turned out to be a real-estate advertisement; students now check who is behind a source before using it. I underestimated consent and privacy: two interviewees did not want their names published, so next time students will collect written consent and learn to anonymise before recording, not after. The episodes are published on the school's podcast channel, and the county historical society has asked to link two of them.",
    docs: [
      {
        file: 'project-plan',
        name: 'Project plan',
        title: 'Voices of Eastgate: A Local History Podcast',
        dateLabel: 'Planned',
        daysBefore: 30,
        meta: [
          ['Grade / subject', 'Grade 8 English Language Arts'],
          ['Duration', 'Three weeks (12 lessons)'],
          ['Standards', 'CCSS W.8.1, W.8.8, SL.8.5; ISTE Student Standards 1.3 and 1.6'],
          ['Tools', 'Audacity on school laptops, four USB microphones, shared class drive, printed storyboards'],
        ],
        blocks: [
          { h: 'Driving question' },
          {
            p: 'Which place in our neighbourhood deserves a historical marker, and how can we convince the county historical society?',
          },
          { h: 'Why a podcast' },
          {
            p: 'Audio keeps the focus on argument and evidence, allows students to interview elders who would not appear on camera, and works on every device we have. Planning happens on paper storyboards so that students without internet at home can prepare.',
          },
          { h: 'Lessons' },
          {
            ol: [
              'Listen and analyse: two model episodes; students chart how hosts make claims and use evidence.',
              'Choose a site and draft a claim; teams visit the library archive.',
              'Lateral reading workshop: who is behind this source? What do other sources say?',
              'Interview skills and consent: writing questions, recording release forms, anonymising.',
              'Storyboard and script; peer conference with the argument checklist.',
              'Recording and editing days (three lessons) with rotating roles: host, producer, editor, fact-checker.',
              'Listening party and feedback from a historical society volunteer; revise and publish.',
            ],
          },
          { h: 'Access and inclusion' },
          {
            ul: [
              'All recording and editing in class; laptops and microphones reserved through the library',
              'Transcripts published with every episode; students who are deaf or hard of hearing edit from the waveform and transcript',
              'Students may narrate, script or produce: every role earns credit against the same rubric',
            ],
          },
          { h: 'Assessment' },
          {
            p: 'Episodes are scored on claim, evidence, counterclaim, source credibility and production. Each student also submits a one-page source log explaining how they verified two sources.',
          },
        ],
      },
    ],
    photos: [{ file: 'storyboard-wall', name: 'Photo: storyboard wall for episode planning', scene: 'sticky-notes' }],
    videos: [{ name: "Published episode: 'The Mill on Cooper Street' (audio with captions)", id: 5530 }],
  },
  {
    key: 'oksana-digital',
    achievement: 'digital-fluency',
    attempt: 1,
    submitted: { daysAgo: 15, at: '13:30' },
    earner: {
      name: 'Oksana Kovalenko',
      email: 'oksana.kovalenko@maplegrove.example.org',
      organization: 'Maple Grove High School',
    },
    overview:
      'I teach tenth-grade world history at Maple Grove High School; this class of 26 includes five students who arrived from Ukraine in the last two years and who knew far more about wartime propaganda than their classmates. During our unit on the First World War, students built an online museum exhibit about propaganda posters and then compared them with images circulating on social media today. Every student has a school laptop, but two students use screen readers, so the exhibit platform had to support alt text and keyboard navigation.',
    reflection:
      "The pre- and post-assessment chart shows the biggest change in lateral reading: before the unit only 7 of 26 students left a site to check who was behind it, and afterwards 22 did so without prompting. I chose a website builder over a slide deck because it let students write alt text, cite every image and publish for families, and the students who use screen readers tested each team's pages before publication, which made accessibility a shared responsibility rather than an accommodation. Copyright was harder than I expected; several students assumed anything in a museum's online collection was free to use. Next year I will teach licences and the public domain before students start collecting images.",
    docs: [
      {
        file: 'lesson-plan',
        name: 'Unit plan',
        title: 'Then and Now: Curating a Digital Exhibit on Propaganda',
        dateLabel: 'Planned',
        daysBefore: 40,
        meta: [
          ['Grade / subject', 'Grade 10 World History'],
          ['Duration', 'Eight 55-minute lessons'],
          ['Standards', 'C3 D2.His.10.9-12, D4.2.9-12; CCSS RH.9-10.6; ISTE 1.3 Knowledge Constructor'],
        ],
        blocks: [
          { h: 'Overview' },
          {
            p: "Students curate a public online exhibit of First World War propaganda posters, each paired with a present-day image from social media that uses similar techniques. Every exhibit page includes alt text, a full citation and licence, and a curator's note explaining the technique and its intended audience.",
          },
          { h: 'Objectives' },
          {
            ul: [
              'Identify persuasive techniques in historical and contemporary images and explain their purpose.',
              'Evaluate the credibility of online sources using lateral reading.',
              'Publish an accessible, properly cited digital exhibit for families and the community.',
            ],
          },
          { h: 'Lesson sequence' },
          {
            ol: [
              'Gallery of posters: students annotate techniques (fear, honour, enemy images) in pairs.',
              'Testimony: two students from Ukraine share, by choice, how propaganda appeared in their lives; class norms for respectful listening.',
              'Lateral reading: the four moves (who is behind it, what others say, original context, licence) with a pre-assessment.',
              'Collecting images: museum collections, licences and the public domain; the source credibility checklist.',
              "Drafting exhibit pages: curator's notes, alt text workshop led by students who use screen readers.",
              'Accessibility testing and peer review with the checklist.',
              'Publication and family preview night; post-assessment.',
            ],
          },
          { h: 'Assessment' },
          {
            p: 'Exhibit pages are scored for historical reasoning, source evaluation, citation and accessibility. The pre- and post-assessment uses the same four lateral reading tasks.',
          },
        ],
      },
      {
        file: 'source-checklist',
        name: 'Student handout: source credibility checklist',
        title: 'Source Credibility Checklist',
        dateLabel: 'Handed out',
        daysBefore: 36,
        meta: [['For', 'Grade 10 World History, exhibit project']],
        blocks: [
          {
            p: 'Use this checklist for every image and every text source in your exhibit. Leave the page: open new tabs to find out about the source before you trust it.',
          },
          {
            table: [
              ['Question', 'How to check', 'What I found'],
              [
                'Who is behind this source?',
                'Search the organisation or author in a new tab; look for an About page written by others.',
                '',
              ],
              ['What do other sources say?', 'Find two independent sources reporting the same image or claim.', ''],
              [
                'What is the original context?',
                'Reverse image search; find the first place the image appeared and its date.',
                '',
              ],
              [
                'May I use it?',
                'Find the licence: public domain, Creative Commons (which one?), or all rights reserved.',
                '',
              ],
              ['Is it accessible?', 'Write alt text that describes purpose, not just appearance.', ''],
            ],
            widths: [0.26, 0.44, 0.3],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'lateral-reading',
        name: 'Student results: lateral reading pre and post',
        title: 'STUDENTS USING EACH MOVE (OF 26)',
        categories: ['Who is behind it', 'What others say', 'Original context', 'Image licence'],
        series: [
          { label: 'Pre', values: [7, 5, 9, 3] },
          { label: 'Post', values: [22, 19, 20, 14] },
        ],
        max: 26,
      },
    ],
    videos: [{ name: 'Student walkthrough of the published exhibit with a screen reader (5 min)', id: 3318 }],
  },
  {
    key: 'grace-digital',
    achievement: 'digital-fluency',
    attempt: 1,
    submitted: { daysAgo: 2, at: '20:15' },
    dueInDays: 26,
    earner: {
      name: 'Grace Mwangi',
      email: 'grace.mwangi@willowpark.example.org',
      organization: 'Willow Park Elementary School',
    },
    overview:
      'I teach 22 third graders at Willow Park Elementary. We share a cart of 12 tablets with two other classes, so students worked in pairs during our two tablet days each week. Our science unit asked how the water in a puddle can end up in a cloud, and the digital project was a 30-second stop-motion animation explaining one part of the water cycle to the kindergarten class.',
    reflection:
      "Stop-motion was the right tool because each frame forced students to think about what happens to the water next; the pairs who could not decide which frame came after evaporation were exactly the ones who believed that clouds are made of steam. I gave students a choice between clay, paper cut-outs and drawings, and between recorded narration and captions, and the two students who are deaf or hard of hearing led the captioning workshop for everyone. Digital citizenship was thin: we talked about not filming other people's faces, but students did not practise anything. Next time I want students to decide with the kindergarten teacher how the videos are shared, so that permission becomes part of the project.",
    docs: [
      {
        file: 'project-plan',
        name: 'Project plan',
        title: 'Puddle to Cloud: Stop-Motion Water Cycle Stories',
        dateLabel: 'Planned',
        daysBefore: 25,
        meta: [
          ['Grade / subject', 'Grade 3 Science and Technology'],
          ['Duration', 'Six 45-minute sessions over three weeks'],
          ['Standards', 'District Grade 3 science E.3.2 (the water cycle); ISTE 1.6 Creative Communicator'],
        ],
        blocks: [
          { h: 'Goal' },
          {
            p: 'Pairs explain one stage of the water cycle (evaporation, condensation, precipitation or collection) in a 30-second stop-motion animation for the kindergarten class, who will watch all the animations in order as one story.',
          },
          { h: 'Sessions' },
          {
            ol: [
              'Puddle watch: we trace a puddle with chalk every hour and talk about where the water went.',
              'Storyboards on paper: six frames, each with one sentence.',
              'Choosing materials: clay, paper cut-outs or drawings; a short demo of the stop-motion app.',
              'Shooting day: tablets on stands, 40 to 60 frames per pair.',
              'Narration or captions workshop, led by two classmates.',
              'Premiere for the kindergarten class, then their questions.',
            ],
          },
          { h: 'Access' },
          {
            ul: [
              'Paired work so that 12 tablets serve 22 students',
              'Captions on every animation',
              'Paper storyboards so that planning needs no device',
            ],
          },
        ],
      },
    ],
    photos: [
      { file: 'animation-set', name: 'Photo: clay models and tablet stands on the animation set', scene: 'prototypes' },
    ],
    videos: [{ name: "Finished animation: 'Where did the puddle go?' (30 s)", id: 6120 }],
  },
];
