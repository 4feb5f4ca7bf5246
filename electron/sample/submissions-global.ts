// Sample submissions for Creative Thinking, Global Graduates and Professional Learning.
import type { SubmissionDef } from './submissions.js';

export const GLOBAL_SUBMISSIONS: SubmissionDef[] = [
  {
    key: 'sarah-creative',
    achievement: 'creative-thinking',
    attempt: 1,
    submitted: { daysAgo: 7, at: '10:35' },
    dueInDays: 7,
    earner: {
      name: 'שרה כהן',
      pdfName: 'Sarah Cohen',
      email: 'sarah.cohen@riverside-day.example.org',
      organization: 'Riverside Community Day School',
    },
    overview:
      "I teach 19 second graders at Riverside Community Day School. The problem came from the students themselves: at a class meeting several children complained that the reading corner was 'boring and too crowded', so we spent four weeks redesigning it. Students interviewed classmates about what makes a good place to read, generated ideas, built cardboard models and presented their designs to our principal, who gave us a small budget for the winning features.",
    reflection:
      "The biggest creative risk came from Noa, who proposed a reading 'tunnel' under the tables that everyone laughed at at first; when her model showed how it would add four quiet spots, the class voted to test it, and it is now the most popular part of the corner. I realised I had been quietly steering ideas towards ones I knew we could afford, and when I stopped, the ideas got better. The photos of sticky notes and models show three rounds of ideas, and students explained what they changed after each round of feedback from the first graders who tested them. Next time I want students to write their own success criteria at the start instead of using mine.",
    docs: [
      {
        file: 'project-plan',
        name: 'Project plan',
        title: 'Our Reading Corner Redesign: A Design-Thinking Project',
        dateLabel: 'Started',
        daysBefore: 32,
        meta: [
          ['Grade', 'Grade 2'],
          ['Duration', 'Four weeks, three 40-minute sessions a week'],
          ['Subjects', 'Writing, mathematics (measurement), social-emotional learning'],
        ],
        blocks: [
          { h: "The problem, in the students' words" },
          {
            p: '"The reading corner is boring and too crowded. Nobody can read there because people keep bumping into you."',
          },
          { h: 'Phases' },
          {
            ol: [
              'Empathise: pairs interview three classmates ("Where do you like to read? Why?") and share one surprising answer.',
              'Define: the class writes a "How might we" question: how might we make a reading corner where everyone can find a quiet spot?',
              "Ideate: 'yes, and' brainstorm with deferred judgement; every idea goes on a sticky note; then SCAMPER on the three most popular ideas.",
              'Prototype: cardboard models at 1:10 scale using rulers; each group measures the real corner first.',
              'Test: first graders try a taped-out full-size version of two designs and give feedback with smiley cards.',
              'Iterate and pitch: groups revise and present to the principal with a list of materials.',
            ],
          },
          { h: 'Making risk safe' },
          {
            ul: [
              'Every idea gets a "yes, and" before any "but".',
              'Failed prototypes are displayed with a card: "What we learned".',
              'I do not veto ideas on cost; the class checks cost against the budget later.',
            ],
          },
        ],
      },
    ],
    photos: [
      { file: 'ideas-wall', name: "Photo: ideas wall after the 'yes, and' brainstorm", scene: 'sticky-notes' },
      { file: 'models-round-two', name: 'Photo: cardboard models, round two', scene: 'prototypes' },
    ],
  },
  {
    key: 'tomas-creative',
    achievement: 'creative-thinking',
    attempt: 1,
    submitted: { daysAgo: 10, at: '22:05' },
    dueInDays: -4,
    earner: {
      name: 'Tomás Herrera',
      email: 'tomas.herrera@valleyarts.example.org',
      organization: 'Valley Arts Magnet School',
    },
    overview:
      'I teach Design and Visual Arts to 27 eleventh and twelfth graders at Valley Arts Magnet School. The brief asked students to turn a waste stream from our own school (cafeteria packaging, broken chairs, offcuts from the theatre workshop) into a product someone would want, and to pitch it to a panel of local makers. Students chose the waste stream, the user and the product themselves.',
    reflection:
      "Students' process journals show between three and seven prototypes each, and the most interesting work came from students whose first idea failed completely, like the team whose milk-carton lamp melted under the bulb and who pivoted to a solar lantern. I made failure safe by grading the process journal rather than the final product, and by sharing my own failed prototype of a chair-leg coat rack. Two students told me they still found it hard to show unfinished work to the group, so next year I will start with lower-stakes critique in pairs before whole-class critiques.",
    docs: [
      {
        file: 'design-brief',
        name: 'Design brief and critique schedule',
        title: 'From Waste to Want: Upcycled Product Design Brief',
        dateLabel: 'Issued',
        daysBefore: 45,
        meta: [
          ['Course', 'Design and Visual Arts, Grades 11-12'],
          ['Duration', 'Five weeks'],
          ['Standards', 'National Core Arts Standards VA:Cr1.2.IIIa, VA:Cr3.1.IIIa'],
        ],
        blocks: [
          { h: 'The brief' },
          {
            p: 'Every week our school throws away hundreds of kilograms of material. Choose one waste stream, find a real person who could use something made from it, and design a product they would want. You will pitch to a panel of local makers in week 5.',
          },
          { h: 'Process' },
          {
            ol: [
              'Waste audit: weigh and photograph one waste stream for a week.',
              'User interviews: two people, recorded in your journal.',
              'Ideation: 30 ideas in 30 minutes, then cluster and choose three.',
              'Prototype: at least three rounds, each followed by a critique.',
              'Pitch: two minutes, with the prototype and the journal.',
            ],
          },
          { h: 'Assessment' },
          {
            p: 'The process journal counts for 60% (ideas, prototypes, what each failure taught you); the final product and pitch count for 40%. A prototype that failed and is well documented can earn full marks.',
          },
        ],
      },
    ],
    photos: [{ file: 'prototype-table', name: 'Photo: prototype table before the maker panel', scene: 'prototypes' }],
    videos: [{ name: 'Student pitches to the maker panel (highlights, 8 min)', id: 3905 }],
  },
  {
    key: 'amara-global',
    achievement: 'global-graduates',
    attempt: 1,
    submitted: { daysAgo: 8, at: '16:00' },
    dueInDays: 16,
    earner: {
      name: 'Amara Okafor',
      email: 'amara.okafor@fairview.example.org',
      organization: 'Fairview Middle School',
    },
    overview:
      'I teach seventh-grade social studies at Fairview Middle School; 30 students in my fourth-period class took part in this unit on access to clean water (Sustainable Development Goal 6). Through a virtual exchange programme we partnered with a Form 1 class at a secondary school in Kisumu, Kenya, and over six weeks the two classes compared how their communities get, use and pay for water. Many of my students had never thought about where our water comes from; several of our partners walk to a borehole before school.',
    reflection:
      "At the start most of my students described our partners' situation as a problem of 'not having enough', and their first messages were full of sympathy and not much curiosity. The turning point came when the Kisumu students asked about our own water bills and the lead pipe replacement in our city, and my students realised they knew less about their own water than their partners knew about theirs. The perspectives survey shows the change, and the co-written water audit booklet is the best evidence: each section was drafted by one class and revised by the other. Our action, a presentation to the city council's utilities committee about lead service lines, happened, but we have not yet seen any effect, so I am not claiming more than that.",
    docs: [
      {
        file: 'unit-plan',
        name: 'Unit plan',
        title: 'Water Connects Us: A Virtual Exchange Unit on SDG 6',
        dateLabel: 'Unit began',
        daysBefore: 50,
        meta: [
          ['Grade / subject', 'Grade 7 Social Studies'],
          ['Partner', 'Form 1 class, secondary school in Kisumu, Kenya'],
          ['Duration', 'Six weeks; two live sessions and weekly asynchronous exchange'],
        ],
        blocks: [
          { h: 'Compelling question' },
          { p: 'Who gets clean water, who decides, and who pays?' },
          { h: 'Weekly plan' },
          {
            table: [
              ['Week', 'In class', 'With partners'],
              [
                '1',
                'Where does our water come from? Field trip to the treatment plant.',
                'Introductory videos; each class asks three questions.',
              ],
              ['2', 'Water audit at home: use, cost, source.', 'Share audit data in the common spreadsheet.'],
              ['3', 'Causes of water insecurity: geography, economics, governance.', 'Live session 1: compare audits.'],
              ['4', 'Case studies: Flint, Cape Town, Kisumu.', 'Partners respond to our case study summaries.'],
              ['5', 'Co-write the water audit booklet.', "Each class revises the other's sections."],
              ['6', 'Plan and take action.', 'Live session 2: share actions and reflections.'],
            ],
            widths: [0.1, 0.48, 0.42],
          },
          { h: 'Perspective-taking routines' },
          {
            ul: [
              '"Circle of viewpoints" for each case study',
              'Question formulation before every exchange',
              'Journal prompt: what did I assume, and what changed?',
            ],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'causes-named',
        name: 'Survey: causes of water insecurity students named, pre and post',
        title: 'CAUSES OF WATER INSECURITY NAMED (%)',
        categories: ['Economic', 'Geographic', 'Political', 'Infrastructure'],
        series: [
          { label: 'Pre', values: [40, 63, 10, 27] },
          { label: 'Post', values: [80, 77, 57, 83] },
        ],
        max: 100,
        unit: '%',
      },
    ],
    videos: [{ name: 'Virtual exchange session recording (excerpt, consent on file)', id: 6641 }],
  },
  {
    key: 'jonas-global',
    achievement: 'global-graduates',
    attempt: 2,
    submitted: { daysAgo: 13, at: '11:20' },
    dueInDays: 2,
    earner: {
      name: 'Jonas Lindqvist',
      email: 'jonas.lindqvist@northfield.example.org',
      organization: 'Northfield High School',
    },
    overview:
      'I teach a twelfth-grade economics elective at Northfield High School; this unit ran with 24 students. We studied global supply chains through the clothes students were wearing, and this time, following the feedback on my first submission, students worked directly with a partner class at a secondary school in Dhaka, Bangladesh, several of whose families work in garment factories. The question students investigated was: who benefits, and who pays, when a T-shirt costs five dollars?',
    reflection:
      "In my first attempt students only read articles about garment workers, and they ended up with one story of victims and villains. Talking with their Dhaka partners complicated that: partners explained that factory jobs had given their mothers independence and income even while conditions were unsafe, and several of my students rewrote their policy proposals as a result. The joint slide deck is the first thing my students have produced with, rather than about, people elsewhere. The action is still modest: students presented their proposals to our student council, which changed next year's spirit-wear supplier to a certified one, and I want next year's class to follow up on whether that matters.",
    docs: [
      {
        file: 'unit-plan',
        name: 'Unit plan (revised)',
        title: 'Who Pays for a $5 T-Shirt? Global Supply Chains',
        dateLabel: 'Unit began',
        daysBefore: 35,
        meta: [
          ['Grade / subject', 'Grade 12 Economics elective'],
          ['Partner', 'Grade 11 class, secondary school in Dhaka, Bangladesh'],
          ['Duration', 'Four weeks'],
        ],
        blocks: [
          { h: 'What changed since the first submission' },
          {
            p: "The first version relied on news articles for workers' perspectives. The revised unit adds three live sessions and a shared slide deck with the Dhaka class, so that students hear directly from families connected to the garment industry, and it asks students to adapt their proposals for both audiences.",
          },
          { h: 'Sequence' },
          {
            ol: [
              'Label audit: where were our clothes made? Map the results.',
              'Trace one T-shirt from cotton field to store using trade data.',
              'Live session 1: partners describe the garment industry in their neighbourhood.',
              'Compare perspectives: workers, owners, brands, consumers, governments.',
              'Live session 2: joint groups draft policy proposals.',
              'Co-create the joint slide deck; each slide needs one author from each school.',
              'Action: present proposals to a decision-maker; live session 3 to share results.',
            ],
          },
          { h: 'Assessment' },
          {
            p: 'Policy proposal (individual), joint slide deck (group), and a reflection on how the exchange changed the proposal.',
          },
        ],
      },
    ],
    videos: [{ name: 'Joint session with the partner class in Dhaka (excerpt)', id: 7718 }],
    previous: [
      {
        daysAgo: 52,
        levels: [2, 1, 1, 2],
        feedback:
          "The investigation is well sourced and students' policy proposals are thoughtful. At this point, however, garment workers' perspectives appear only through Western news articles, and students communicated only with their classmates and you. Please resubmit with evidence that students engaged directly with people from the regions concerned and adapted their communication for that audience.",
        comments: [
          'Students framed their own questions and used trade data, NGO reports and company disclosures. Proficient.',
          "Workers' views appear only as quoted by journalists; students do not examine why perspectives differ.",
          'Presentations were to the class only.',
          'Students wrote to two retailers and reflected on the replies. Proficient.',
        ],
      },
    ],
  },
  {
    key: 'anh-global',
    achievement: 'global-graduates',
    attempt: 1,
    submitted: { daysAgo: 16, at: '09:15' },
    dueInDays: 12,
    earner: { name: 'Ng Thị Ánh', email: 'anh.ng@lakeside-hs.example.org', organization: 'Lakeside High School' },
    overview:
      'With my second-period chemistry class of 27 eleventh graders at Lakeside High School, I ran a four-week unit on air quality with a partner class at a high school in Hanoi, where I grew up. Both classes built low-cost particulate sensors, measured PM2.5 near their schools for two weeks and shared the data in a common spreadsheet. The question was why readings in the two cities differ so much, and what each city has tried to do about it.',
    reflection:
      "The shared data set was the most powerful part: my students assumed Hanoi's air would always be worse, and were surprised to find that our readings near the highway at morning drop-off were comparable to Hanoi's on some days. Students compared policies, such as Hanoi's plans to restrict motorbikes and our district's idling ban, and the Hanoi students helped my class see why a motorbike ban affects livelihoods in ways a car-idling ban does not. Communication was harder than planned because of the time difference; most exchange was asynchronous through recorded video messages, which students said made it feel less like a conversation. Our action was an anti-idling campaign at drop-off, and our sensor showed a small drop in morning readings, which students are still analysing.",
    docs: [
      {
        file: 'unit-plan',
        name: 'Unit plan',
        title: 'Breathing the Same Air: A Hanoi-Lakeside Air Quality Exchange',
        dateLabel: 'Unit began',
        daysBefore: 35,
        meta: [
          ['Grade / subject', 'Grade 11 Chemistry'],
          ['Partner', 'Grade 11 class, high school in Hanoi, Vietnam'],
          ['Duration', 'Four weeks'],
        ],
        blocks: [
          { h: 'Overview' },
          {
            p: "Both classes build the same low-cost PM2.5 sensor, calibrate it against a reference monitor, and log readings at school drop-off and midday for two weeks. Students analyse the shared data, research each city's air quality policies, and exchange video messages explaining their findings.",
          },
          { h: 'Objectives' },
          {
            ul: [
              'Explain what PM2.5 is, where it comes from and why it matters for health.',
              'Compare data sets from two cities and account for differences.',
              'Evaluate air quality policies from the perspective of the people they affect.',
              'Plan and carry out an action in our school community.',
            ],
          },
          { h: 'Exchange schedule' },
          {
            table: [
              ['Week', 'Lakeside', 'Hanoi partner'],
              ['1', 'Build and calibrate sensors', 'Build and calibrate sensors'],
              ['2-3', 'Log data; weekly video message', 'Log data; weekly video message'],
              ['4', 'Policy comparison; anti-idling campaign', 'Policy comparison; school poster campaign'],
            ],
            widths: [0.14, 0.43, 0.43],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'pm25-weekly',
        name: 'Shared data: mean morning PM2.5 by week',
        title: 'MEAN MORNING PM2.5 (UG/M3)',
        categories: ['Week 1', 'Week 2', 'Week 3', 'Week 4'],
        series: [
          { label: 'Lakeside', values: [18, 21, 12, 10] },
          { label: 'Hanoi partner', values: [34, 29, 41, 26] },
        ],
        max: 50,
      },
    ],
  },
  {
    key: 'keiko-pl',
    achievement: 'professional-learning',
    attempt: 1,
    submitted: { daysAgo: 11, at: '15:40' },
    dueInDays: 1,
    earner: {
      name: 'Keiko Tanaka',
      email: 'keiko.tanaka@riverside-usd.example.org',
      organization: 'Riverside Unified School District',
    },
    overview:
      "I am a secondary instructional coach for Riverside Unified and designed a two-hour session, followed by a four-week follow-up cycle, for 26 middle school teachers from three schools. In our district survey, 'giving feedback students actually use' was the most requested topic, and a review of student work from the three schools showed that most written feedback was praise or a grade with no next step. Participants ranged from first-year teachers to twenty-year veterans, so the session offered two tracks for the practice activity.",
    reflection:
      "The exit survey was positive, but the more useful evidence came from the follow-up: 19 of 26 teachers brought a before-and-after sample of student work to the PLC check-in, and 14 showed students acting on feedback within the lesson. I over-planned the opening; participants wanted to get to their own student work sooner, and I cut the research summary from 20 minutes to 8 for the second school. Next time I will ask participants to bring student work to the session itself, so that the first practice round uses their own students' work.",
    docs: [
      {
        file: 'agenda',
        name: 'Agenda and facilitator notes',
        title: 'Feedback That Moves Learning: Session Agenda and Facilitator Notes',
        dateLabel: 'Session',
        daysBefore: 40,
        meta: [
          ['Participants', '26 middle school teachers from three schools'],
          ['Length', '120 minutes, plus a four-week follow-up cycle'],
          ['Facilitator', 'Keiko Tanaka, secondary instructional coach'],
        ],
        blocks: [
          { h: 'Outcomes' },
          {
            ul: [
              'Distinguish feedback that moves learning forward from praise and grades.',
              'Write task-specific next-step feedback on real student work.',
              'Plan a routine in which students act on feedback during class time.',
            ],
          },
          { h: 'Agenda' },
          {
            table: [
              ['Time', 'Activity', 'Facilitator notes'],
              [
                '0:00',
                'Opening: sort 12 feedback comments from our schools into "praise", "grade", "next step".',
                'Comments are anonymised. Keep to 10 minutes; let the sort surface the problem.',
              ],
              [
                '0:10',
                'What the research says (brief): feedback that causes thinking.',
                'Cut to 8 minutes for schools 2 and 3. One slide, one example.',
              ],
              [
                '0:20',
                'Model: I give feedback on a student paragraph, thinking aloud.',
                'Name the moves: criterion, evidence, next step, time to act.',
              ],
              [
                '0:35',
                'Practice round 1 (two tracks): new teachers use sentence frames; experienced teachers design a feedback code.',
                'Circulate; collect one example from each table for the debrief.',
              ],
              [
                '1:05',
                'Gallery of practice feedback; peers leave one question.',
                'Ask: would a student know what to do next?',
              ],
              [
                '1:25',
                'Plan: choose one routine (feedback code, "find and fix", conference) for the next two weeks.',
                'Each teacher writes the date they will try it.',
              ],
              ['1:45', 'Follow-up cycle and exit survey.', 'Book PLC check-in dates before people leave.'],
            ],
            widths: [0.1, 0.5, 0.4],
          },
          { h: 'Follow-up cycle' },
          {
            p: 'Week 1: teachers try the routine and collect a before-and-after sample of student work. Week 2: coaching visits on request. Week 3: PLC check-in at each school, with a looking-at-student-work protocol. Week 4: short survey on implementation and a second sample.',
          },
        ],
      },
      {
        file: 'feedback-summary',
        name: 'Participant feedback and follow-up summary',
        title: 'Participant Feedback and Follow-Up Summary',
        dateLabel: 'Compiled',
        daysBefore: 13,
        meta: [['Responses', '26 of 26 exit surveys; 21 follow-up surveys']],
        blocks: [
          {
            table: [
              ['Statement (agree or strongly agree)', 'School 1', 'School 2', 'School 3'],
              ['The session was relevant to my classroom', '89%', '100%', '90%'],
              ['There was enough time to practise', '56%', '86%', '80%'],
              ['I will use a feedback routine in the next two weeks', '89%', '100%', '90%'],
              ['The follow-up helped me implement', '78%', '86%', '70%'],
            ],
            widths: [0.52, 0.16, 0.16, 0.16],
          },
          {
            p: 'Implementation: 19 of 26 teachers brought before-and-after samples to the PLC check-in; in 14 of those, students revised work in response to feedback during class. Most common routine: "find and fix" codes in the margin (11 teachers).',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'participant-feedback',
        name: 'Chart: participant feedback by school',
        title: 'PARTICIPANTS WHO AGREE (%)',
        categories: ['Relevant', 'Practice time', 'Will use', 'Follow-up helped'],
        series: [
          { label: 'School 1', values: [89, 56, 89, 78] },
          { label: 'School 2', values: [100, 86, 100, 86] },
          { label: 'School 3', values: [90, 80, 90, 70] },
        ],
        max: 100,
        unit: '%',
      },
    ],
  },
  {
    key: 'daniel-pl',
    achievement: 'professional-learning',
    attempt: 1,
    submitted: { daysAgo: 21, at: '13:00' },
    dueInDays: 9,
    earner: {
      name: 'Daniel Whitfield',
      email: 'daniel.whitfield@summit-hs.example.org',
      organization: 'Summit High School',
    },
    overview:
      "I teach biology at Summit High School and chair our literacy team. I designed a 90-minute session for 31 teachers from science, social studies and English on using claim, evidence and reasoning (CER) across subjects, because our school's writing samples showed that students could state claims but rarely explained how the evidence supported them. I built the agenda with two colleagues from the other departments so that examples came from every subject.",
    reflection:
      "Participants rated the session highly, but only a handful tried CER in class in the following weeks, and follow-up was my weakest point: I shared the slides and a template and moved on. Six weeks later I organised two PLC check-ins where teachers brought student CER writing, and teachers who attended both were far more likely to keep going. I also learnt that social studies teachers found 'reasoning' a science word; co-designing with colleagues from other departments from the start, rather than asking them to contribute examples, would have made the framing fit every subject.",
    docs: [
      {
        file: 'session-plan',
        name: 'Session plan and agenda',
        title: 'Claim, Evidence, Reasoning Across the Content Areas',
        dateLabel: 'Session',
        daysBefore: 70,
        meta: [
          ['Participants', '31 teachers: science, social studies, English'],
          ['Length', '90 minutes'],
          ['Co-planners', 'Two colleagues from social studies and English'],
        ],
        blocks: [
          { h: 'Why this session' },
          {
            p: 'In our most recent school-wide writing samples, 78% of students stated a clear claim, but only 22% explained how their evidence supported it. The reasoning step looks different in each subject, and students meet three different vocabularies for it in one day.',
          },
          { h: 'Agenda' },
          {
            ol: [
              'Warm-up (10 min): one claim, three subjects; what counts as evidence in each?',
              'Look at student writing (30 min): sort six anonymised CER paragraphs from three subjects by strength of reasoning.',
              'Common language (15 min): agree on a shared CER poster for every classroom.',
              'Plan (25 min): adapt a CER prompt for a lesson next week.',
              'Close (10 min): exit ticket and dates for follow-up.',
            ],
          },
          { h: 'Follow-up' },
          {
            p: "Two PLC check-ins over the following two months, each with student CER writing from the teachers' own classes.",
          },
        ],
      },
    ],
    photos: [
      { file: 'cer-gallery', name: 'Photo: CER samples from three departments on the gallery wall', scene: 'gallery' },
    ],
  },
];
