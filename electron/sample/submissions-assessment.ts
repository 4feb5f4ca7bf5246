// Sample submissions for Instructional Leadership and Performance Assessment Design.
import type { SubmissionDef } from './submissions.js';

export const ASSESSMENT_SUBMISSIONS: SubmissionDef[] = [
  {
    key: 'mohammed-leadership',
    achievement: 'instructional-leadership',
    attempt: 2,
    submitted: { daysAgo: 5, at: '18:40' },
    dueInDays: -1,
    earner: {
      name: 'محمد الأحمد',
      pdfName: 'Mohammed Al-Ahmad',
      email: 'mohammed.alahmad@westbrook.example.org',
      organization: 'Westbrook High School',
    },
    overview:
      'I lead the mathematics department at Westbrook High School and, for this cycle, the Algebra I team of four teachers who together teach 236 ninth graders. Our baseline common assessment showed that 58 percent of students could solve linear equations procedurally but only 23 percent could explain or justify a solution, and Algebra I failure rates were twice as high for multilingual learners as for their classmates. At the start of the cycle, after analysing the item-level results and a sample of student explanations together, the team set the goal that at least 50 percent of students would reach proficiency on the reasoning items of the end-of-cycle common assessment, with the gap for multilingual learners halved.',
    reflection:
      "The first time I submitted, my reflection was a list of what we did. This time I asked each colleague for written feedback after the cycle, and the pattern was clear: my strongest move was bringing student work rather than scores to every meeting, and my weakest was rescuing discussions when they got uncomfortable, which left two colleagues feeling that their concerns were never resolved. I now use a 'parking lot' protocol that guarantees we come back to concerns, and Ms. Delgado facilitates the student-work protocol herself. The end-of-cycle data shows reasoning proficiency rose from 23 to 46 percent overall and from 11 to 35 percent for multilingual learners, close to but below our goal, so the next cycle will focus on the two classrooms where we saw the smallest change.",
    docs: [
      {
        file: 'plc-cycle-plan',
        name: 'PLC cycle plan, agendas and data summary',
        title: 'Algebra I PLC Improvement Cycle: Reasoning and Justification',
        dateLabel: 'Cycle began',
        daysBefore: 150,
        meta: [
          ['Team', 'Four Algebra I teachers (236 students)'],
          ['Cycle', 'Twelve weeks, fortnightly 60-minute PLC meetings plus peer observations'],
          ['Role', 'Department lead and PLC facilitator'],
        ],
        blocks: [
          { h: 'Goal' },
          {
            p: 'By the end-of-cycle common assessment, at least 50% of Algebra I students will score proficient (3 or 4) on the reasoning and justification items, up from 23% at baseline; for multilingual learners the gap to their classmates (currently 12 percentage points) will be halved.',
          },
          { h: 'Baseline data' },
          {
            table: [
              ['Measure (baseline common assessment)', 'All students', 'Multilingual learners'],
              ['Procedural items, % proficient', '58%', '49%'],
              ['Reasoning items, % proficient', '23%', '11%'],
              ['Semester 1 failure rate (previous year)', '14%', '29%'],
            ],
            widths: [0.5, 0.25, 0.25],
          },
          { h: 'Norms' },
          {
            ul: [
              'Start and end on time; student work comes first.',
              'Assume positive intent; challenge ideas, not people.',
              'Concerns go in the parking lot and are answered before the meeting ends.',
            ],
          },
          { h: 'Meeting 1 agenda: Looking at student explanations (60 min)' },
          {
            ol: [
              'Norms and parking lot review (5 min).',
              'Silent read of 12 anonymised student explanations, sorted into "convincing", "partly convincing", "not convincing" (15 min).',
              'Discuss: what do convincing explanations have in common? Draft a shared success criterion (20 min).',
              'Choose the instructional move to try: "justify to a partner" routine with sentence frames (15 min).',
              'Observation schedule and focus for peer visits (5 min).',
            ],
          },
          { h: 'Meeting 3 agenda: Checkpoint 1 data (60 min)' },
          {
            ol: [
              'Review checkpoint quiz results by class and by student group (15 min).',
              'Each teacher brings two student explanations that surprised them; tuning protocol (25 min).',
              'Adjust: add a written-justification warm-up twice a week; Ms. Delgado to model it in her class (15 min).',
              'Parking lot (5 min).',
            ],
          },
          { h: 'Meeting 5 agenda: Peer observation debrief (60 min)' },
          {
            ol: [
              'Pairs share low-inference notes from observations: who justified, how often, in what language (20 min).',
              'Each teacher names one next step for their own classroom; colleagues ask clarifying questions only (25 min).',
              'Checkpoint 2 data and planning for the end-of-cycle assessment (15 min).',
            ],
          },
          { h: 'Observation protocol' },
          {
            p: 'Observers script student talk for ten minutes during the partner justification routine, tallying justifications that use "because" plus a mathematical reason, and noting the language students use. Feedback is given within two days, starting with the teacher\'s own question about the lesson.',
          },
          { h: 'Results' },
          {
            table: [
              ['Reasoning items, % proficient', 'Baseline', 'Checkpoint 1', 'Checkpoint 2', 'End of cycle'],
              ['All students', '23%', '31%', '39%', '46%'],
              ['Multilingual learners', '11%', '18%', '27%', '35%'],
            ],
            widths: [0.36, 0.16, 0.16, 0.16, 0.16],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'reasoning-proficiency',
        name: 'Data: reasoning items, percent proficient',
        title: 'REASONING ITEMS: PERCENT PROFICIENT',
        categories: ['Baseline', 'Checkpoint 1', 'Checkpoint 2', 'End of cycle'],
        series: [
          { label: 'All students', values: [23, 31, 39, 46] },
          { label: 'Multilingual learners', values: [11, 18, 27, 35] },
        ],
        max: 60,
        unit: '%',
      },
    ],
    previous: [
      {
        daysAgo: 40,
        levels: [1, 2, 1, 2, 1],
        feedback:
          "Your cycle plan is well organised, and the observation notes show careful, specific feedback to colleagues. The goal, however, is stated as 'improve student reasoning' with no measure or baseline, and the data was reviewed only at the end of the cycle, so it is not yet possible to see how the team used it to adjust. The reflection describes the meetings but not your own leadership. Please resubmit with the measurable goal and baseline, evidence of at least one mid-cycle data review, and a reflection that draws on your colleagues' feedback.",
        comments: [
          "The goal ('improve student reasoning') is not measurable, and the baseline data is not shown.",
          'Observation notes are specific and tied to the focus on justification; next steps are agreed. Proficient.',
          'Data appears only in the final meeting; there is no mid-cycle review.',
          'Norms are posted and used in the agendas, and every teacher brings student work. Proficient.',
          'The reflection summarises the meetings but says little about your own leadership moves.',
        ],
      },
    ],
  },
  {
    key: 'priya-leadership',
    achievement: 'instructional-leadership',
    attempt: 1,
    submitted: { daysAgo: 20, at: '14:55' },
    dueInDays: -6,
    earner: {
      name: 'Priya Raghunathan',
      email: 'priya.raghunathan@oakhollow.example.org',
      organization: 'Oak Hollow Elementary School',
    },
    overview:
      'I am the instructional coach at Oak Hollow Elementary and led a six-week peer-coaching cycle with the four third-grade teachers. Our most recent benchmark showed that students could compute with fractions but struggled to explain their thinking: only 34 percent of third graders scored proficient on the constructed-response items. The team set a goal that 60 percent of students would reach proficiency on those items by the end-of-cycle benchmark, and that in every classroom students would do at least half of the talking during the math launch, measured with a simple talk tally.',
    reflection:
      'The talk tallies changed how the team saw the problem: in our first round of observations teachers were talking for 70 to 85 percent of the launch, and nobody had realised it. My instinct is to give advice, and in the first two debriefs I did most of the talking myself, which mirrored exactly the habit we were trying to change in classrooms. From the third debrief on I used a reflective coaching protocol, asked teachers to choose the evidence we looked at, and three of the four teachers now set their own observation focus. By the end of the cycle, 57 percent of students were proficient on constructed-response items; we fell short of 60 percent, but the gains were largest in the two classrooms where teachers began observing each other without me.',
    docs: [
      {
        file: 'coaching-cycle',
        name: 'Coaching cycle plan and debrief notes',
        title: 'Grade 3 Math Talk: A Six-Week Peer-Coaching Cycle',
        dateLabel: 'Cycle began',
        daysBefore: 60,
        meta: [
          ['Team', 'Four Grade 3 teachers (88 students)'],
          ['Focus', 'Student talk during the math launch; explaining fraction reasoning'],
          ['Role', 'Instructional coach'],
        ],
        blocks: [
          { h: 'Goals' },
          {
            ul: [
              '60% of Grade 3 students proficient on constructed-response fraction items by the end-of-cycle benchmark (baseline 34%).',
              'Students do at least half of the talking during the 10-minute math launch in every classroom (talk tally).',
            ],
          },
          { h: 'Cycle at a glance' },
          {
            table: [
              ['Week', 'Activity', 'Evidence collected'],
              ['1', 'Team meeting: benchmark items and student work; agree goals and talk tally', 'Baseline tallies'],
              ['2-3', 'Coach observes each launch; debrief within 48 hours', 'Tallies, scripted student talk'],
              ['4', 'Team meeting: compare tallies; choose a talk move (turn and talk, revoicing)', 'Team notes'],
              ['5', 'Peer observations in pairs; teachers choose the focus', 'Peer notes'],
              ['6', 'Team meeting: student work from the new routine; next steps', 'Student work, tallies'],
            ],
            widths: [0.12, 0.6, 0.28],
          },
          { h: 'Debrief protocol (from week 3)' },
          {
            ol: [
              'Teacher chooses the evidence to look at first.',
              'Coach shares low-inference data only (tallies, quotes).',
              'Teacher names what they notice and one next step.',
              'Coach asks how the team can support the next step.',
            ],
          },
          { h: 'Sample debrief note (Teacher C, week 5, shared with permission)' },
          {
            p: 'Focus chosen by teacher: "Do my partner talks actually get to the reasoning?" Evidence: 9 of 11 pairs talked about the answer; 3 pairs explained why 2/4 and 1/2 name the same point. Teacher\'s next step: add the prompt "convince your partner with a drawing" and revoice one pair\'s explanation to the class.',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'student-talk',
        name: 'Data: student share of talk in the math launch',
        title: 'STUDENT TALK IN MATH LAUNCH (% OF TIME)',
        categories: ['Teacher A', 'Teacher B', 'Teacher C', 'Teacher D'],
        series: [
          { label: 'Week 1', values: [22, 30, 18, 27] },
          { label: 'Week 6', values: [55, 61, 41, 58] },
        ],
        max: 80,
        unit: '%',
      },
    ],
    videos: [{ name: 'Peer observation debrief (excerpt, with consent)', id: 7304 }],
  },
  {
    key: 'alexandros-assessment',
    achievement: 'performance-assessment',
    attempt: 1,
    submitted: { daysAgo: 4, at: '17:25' },
    dueInDays: 10,
    earner: {
      name: 'Ἀλέξανδρος Παπαδόπουλος',
      pdfName: 'Alexandros Papadopoulos',
      email: 'alexandros.papadopoulos@northside.example.org',
      organization: 'Northside Middle School',
    },
    overview:
      'I teach sixth-grade mathematics at Northside Middle School, and this performance assessment was given to all three of my sections (78 students) at the end of our unit on area, surface area and volume. It assesses 6.G.A.1 (area of triangles, quadrilaterals and polygons by composing and decomposing), 6.G.A.4 (nets and surface area) and 6.EE.A.2 (writing and evaluating expressions). Our parent-teacher association really is building raised garden beds next spring, so the task asks students to design a bed layout and a materials budget that the PTA garden committee will review. A test would tell me whether students can compute area; this task tells me whether they choose the right computation for an irregular, real situation and can justify it.',
    reflection:
      "Almost every student could find the area of rectangles and triangles, but only 41 percent correctly decomposed the L-shaped bed, and the scored samples show why: many double-counted the overlapping corner. That told me as much about my teaching as about the students, so I re-taught decomposition with cut-paper shapes before students revised. Students used the rubric to give each other feedback on the 'justify the budget' row, the weakest on the first draft, and after revision the number of students at Proficient or above on that row rose from 29 to 51. The garden committee chose two student designs, and next year I want the committee's actual feedback to be part of the assessment.",
    docs: [
      {
        file: 'performance-task',
        name: 'Performance task and rubric',
        title: 'Design a Raised Garden Bed: Performance Task and Rubric',
        dateLabel: 'Administered',
        daysBefore: 21,
        meta: [
          ['Grade / subject', 'Grade 6 Mathematics'],
          ['Standards', 'CCSS 6.G.A.1, 6.G.A.4, 6.EE.A.2'],
          ['Time', 'Two class periods plus one revision period'],
        ],
        blocks: [
          { h: 'The task (as students received it)' },
          {
            p: 'The Northside PTA garden committee is building raised beds in the courtyard next spring. The space is an L shape: 6 m by 4 m with a 2 m by 2 m corner taken by a tree. Design the beds, and send the committee a proposal they can use to buy materials.',
          },
          { h: 'Your proposal must include' },
          {
            ul: [
              'A scale drawing of your layout with every measurement labelled; beds may be rectangles, triangles or trapezoids, with paths at least 0.6 m wide.',
              'The total growing area, showing how you decomposed the shapes.',
              'The amount of lumber for the bed walls (30 cm high) and soil to fill the beds, using nets and volume.',
              'A budget using the price list, written as an expression and then evaluated. The budget may not exceed $450.',
              'A short letter to the committee explaining why your design is the best use of the space and money.',
            ],
          },
          { h: 'Price list' },
          {
            table: [
              ['Item', 'Unit', 'Price'],
              ['Cedar board, 30 cm x 2.4 m', 'each', '$18.50'],
              ['Garden soil', 'per cubic metre', '$62.00'],
              ['Corner brackets', 'pack of 4', '$7.25'],
              ['Mulch for paths', 'per square metre', '$3.10'],
            ],
            widths: [0.5, 0.3, 0.2],
          },
          { h: 'Rubric' },
          {
            table: [
              ['Criterion', 'Not yet (0)', 'Developing (1)', 'Proficient (2)', 'Exemplary (3)'],
              [
                'Area by decomposition',
                'Area missing or uses one formula for the whole L shape.',
                'Decomposes, but double-counts or omits a region.',
                'Decomposes correctly and shows each part.',
                'Compares two decompositions and explains why both work.',
              ],
              [
                'Surface area and volume',
                'Lumber or soil missing.',
                'One of lumber or soil is correct.',
                'Both correct, using nets and volume.',
                'Both correct, with waste or settling accounted for.',
              ],
              [
                'Budget expression',
                'Numbers only, no expression.',
                'Expression has an error in structure.',
                'Correct expression, evaluated correctly.',
                'Expression used to test two design options.',
              ],
              [
                'Justify the budget',
                'No justification.',
                'States the design is good without reasons.',
                'Justifies choices with area and cost.',
                "Weighs trade-offs for the committee's goals.",
              ],
            ],
            widths: [0.2, 0.2, 0.2, 0.2, 0.2],
          },
          { h: 'Teacher notes' },
          {
            p: 'Students may use grid paper or the geometry app. Conference with each student during period 1 about the decomposition only; do not correct budgets until peer feedback. The revision period follows peer feedback with the rubric.',
          },
        ],
      },
      {
        file: 'scored-samples',
        name: 'Scored student samples with comments',
        title: 'Scored Samples: Garden Bed Task',
        dateLabel: 'Scored',
        daysBefore: 12,
        meta: [['Samples', 'Two anonymised students, first draft and revision']],
        blocks: [
          {
            table: [
              ['Criterion', 'Student A (draft / revision)', 'Student B (draft / revision)'],
              [
                'Area by decomposition',
                '1 / 2: counted the 2 x 2 corner twice; fixed after the cut-paper re-teach.',
                '2 / 3: split the L two ways and showed both give 20 square metres.',
              ],
              [
                'Surface area and volume',
                '2 / 2: correct lumber count; soil correct.',
                '2 / 3: added 10% soil for settling, citing the bag label.',
              ],
              [
                'Budget expression',
                '1 / 2: added prices without quantities; revised to 18.50b + 62s + 7.25k + 3.10p.',
                '2 / 2: correct expression and total ($431.40).',
              ],
              [
                'Justify the budget',
                '0 / 2: "It is a good garden"; revised letter compares area per dollar.',
                '2 / 3: argues for fewer, wider beds so that wheelchair users can reach the centre.',
              ],
            ],
            widths: [0.24, 0.38, 0.38],
          },
        ],
      },
    ],
    charts: [
      {
        file: 'justify-results',
        name: 'Results: "justify the budget" row, draft and revision',
        title: 'JUSTIFY THE BUDGET: STUDENTS PER LEVEL',
        categories: ['Not yet', 'Developing', 'Proficient', 'Exemplary'],
        series: [
          { label: 'Draft', values: [21, 28, 22, 7] },
          { label: 'Revision', values: [8, 19, 38, 13] },
        ],
        max: 40,
      },
    ],
  },
  {
    key: 'anh-assessment',
    achievement: 'performance-assessment',
    attempt: 3,
    submitted: { daysAgo: 1, at: '08:50' },
    dueInDays: 13,
    earner: { name: 'Ng Thị Ánh', email: 'anh.ng@lakeside-hs.example.org', organization: 'Lakeside High School' },
    overview:
      "I teach eleventh-grade chemistry at Lakeside High School to two sections totalling 54 students. The task assesses HS-PS1-2, HS-PS1-7 and the practice of analysing and interpreting data: students test water samples from home and school for hardness, pH and chloride using titration and test strips, and write a technical brief to the city's water utility, which has agreed to respond to the best briefs. This third version narrows the standards to the three the task really elicits; my first version listed eight.",
    reflection:
      "Calibrating the rubric with two colleagues changed it more than any of my own revisions: when we scored the same six reports independently we disagreed on the 'data quality' row every time, because 'reliable data' meant something different to each of us. The calibrated rubric now describes what reliable looks like (repeated trials, a stated uncertainty, outliers explained), and in the second round of scoring we agreed within one level on 92 percent of rows. Students peer-assessed draft briefs with the rubric and each set one revision goal; 38 of 54 improved by at least one level on their goal row. The utility's engineer answered four briefs in writing, and students told me those replies mattered more than my grade.",
    docs: [
      {
        file: 'performance-task',
        name: 'Performance task and calibrated rubric (version 3)',
        title: 'Is Our Tap Water Hard? A Chemistry Performance Assessment',
        dateLabel: 'Administered',
        daysBefore: 18,
        meta: [
          ['Grade / subject', 'Grade 11 Chemistry'],
          ['Standards', 'NGSS HS-PS1-2, HS-PS1-7; SEP 4 Analysing and interpreting data'],
          ['Audience', 'Lakeside Water Utility, water quality engineer'],
        ],
        blocks: [
          { h: 'The task' },
          {
            p: 'Collect water from two places you choose (home, school, a park fountain). Measure hardness by EDTA titration (three trials per sample), pH and chloride. Write a two-page technical brief to the water utility answering: is our water hard, does it differ across the city, and should residents be concerned?',
          },
          { h: 'Deliverables' },
          {
            ul: [
              'Sampling plan with reasons for your sites',
              'Data table with all trials, means and uncertainty',
              'Balanced equation for the titration and the stoichiometry for hardness in mg/L CaCO3',
              'Technical brief with a recommendation',
            ],
          },
          { h: 'Calibrated rubric (levels 0-3)' },
          {
            table: [
              ['Criterion', 'Not yet', 'Developing', 'Proficient', 'Exemplary'],
              [
                'Stoichiometry',
                'No calculation or wrong mole ratio.',
                'Correct ratio, unit errors.',
                'Correct hardness in mg/L with units throughout.',
                'Also propagates uncertainty.',
              ],
              [
                'Data quality',
                'Single trial; no uncertainty.',
                'Repeated trials; spread not discussed.',
                'Three trials, stated uncertainty, outliers explained.',
                'Identifies and tests a source of error.',
              ],
              [
                'Interpretation',
                'Restates numbers.',
                'Compares to a standard without context.',
                'Compares sites and to guidelines, with reasons.',
                "Explains differences with the city's water sources.",
              ],
              [
                'Communication',
                'Brief not addressed to the audience.',
                'Audience named; jargon unexplained.',
                'Clear for an engineer; recommendation supported.',
                "Anticipates the utility's questions.",
              ],
            ],
            widths: [0.18, 0.2, 0.2, 0.22, 0.2],
          },
        ],
      },
      {
        file: 'calibration-notes',
        name: 'Rubric calibration notes with colleagues',
        title: 'Rubric Calibration Notes',
        dateLabel: 'Calibration meeting',
        daysBefore: 10,
        meta: [
          ['Scorers', 'Ng Thi Anh and two chemistry colleagues'],
          ['Samples', 'Six anonymised briefs, scored independently then discussed'],
        ],
        blocks: [
          {
            p: 'We scored six briefs independently, compared scores row by row, discussed every disagreement of more than one level, rewrote the descriptor, and then scored six new briefs.',
          },
          {
            table: [
              ['Rubric row', 'Agreement within one level, round 1', 'Round 2'],
              ['Stoichiometry', '67%', '100%'],
              ['Data quality', '33%', '83%'],
              ['Interpretation', '50%', '92%'],
              ['Communication', '75%', '100%'],
            ],
            widths: [0.4, 0.35, 0.25],
          },
          {
            p: 'Main change: "reliable data" was replaced by observable features (three trials, stated uncertainty, outliers explained). The scored briefs from round 2 are kept as anchor papers for each level.',
          },
        ],
      },
    ],
    charts: [
      {
        file: 'calibration-agreement',
        name: 'Chart: scorer agreement before and after calibration',
        title: 'SCORER AGREEMENT BY RUBRIC ROW (%)',
        categories: ['Stoichiometry', 'Data quality', 'Interpretation', 'Communication'],
        series: [
          { label: 'Round 1', values: [67, 33, 50, 75] },
          { label: 'Round 2', values: [100, 83, 92, 100] },
        ],
        max: 100,
        unit: '%',
      },
    ],
    previous: [
      {
        daysAgo: 75,
        levels: [1, 2, 0, 1],
        feedback:
          "The context is excellent and students clearly cared about the question. The task lists eight standards, several of which (for example HS-PS1-4 on energy diagrams) it never asks students to show, and the scoring guide awards points for length and neatness rather than chemistry. Please narrow the standards to what the task elicits and build a rubric whose levels describe the quality of students' chemical reasoning.",
        comments: [
          'Eight standards are listed; the task elicits three of them.',
          'Real samples, a real audience at the utility and student choice of tests: Proficient.',
          'The scoring guide awards points for length, neatness and on-time submission.',
          'Grades were returned with comments, but students had no chance to revise.',
        ],
      },
      {
        daysAgo: 38,
        levels: [2, 2, 1, 2],
        feedback:
          "Much improved: the standards now match the task, and students revised their briefs using feedback. The rubric is still the sticking point: its levels differ mainly by 'some', 'most' and 'all', so two assessors could score the same brief differently. Consider calibrating it with colleagues on real student work and including scored samples.",
        comments: [
          'Three standards, each clearly elicited by a part of the task.',
          'Still strong; students chose their own sampling sites.',
          "Descriptors rely on 'some / most / all' rather than describing observable quality.",
          'Students revised using comments, and you re-taught titration endpoints. Proficient.',
        ],
      },
    ],
  },
  {
    key: 'rafael-assessment',
    achievement: 'performance-assessment',
    attempt: 1,
    submitted: { daysAgo: 18, at: '12:10' },
    dueInDays: 3,
    earner: {
      name: 'Rafael Oliveira',
      email: 'rafael.oliveira@brookside.example.org',
      organization: 'Brookside High School',
    },
    overview:
      'I teach ninth-grade English at Brookside High School, and this performance assessment closed our argument unit for my 96 students across four sections. It assesses RI.9-10.8 (evaluating the reasoning and evidence in an argument), W.9-10.1 (writing arguments) and SL.9-10.4 (presenting claims and evidence clearly). Our city council is really deciding whether to turn the old tennis courts into a skate park, so students prepared a three-minute public comment for a mock town hall, and a council member agreed to listen to a selection of them.',
    reflection:
      "The scored samples show that almost all students could state a claim and cite evidence, but the difference between Developing and Proficient was whether they answered the strongest counterargument, and only a third did so in the first draft. Students rehearsed in trios with the rubric, and their peer feedback on counterarguments was sharper than mine because they knew the other side's arguments from their own neighbourhoods. I have to be honest that the rubric's delivery row was scored inconsistently across my sections; next time I will calibrate with a colleague on recorded speeches before scoring. The council member's questions after the town hall were the most authentic feedback my students have had all year.",
    docs: [
      {
        file: 'performance-task',
        name: 'Performance task and rubric',
        title: 'Public Comment: The Skate Park Town Hall',
        dateLabel: 'Administered',
        daysBefore: 26,
        meta: [
          ['Grade / subject', 'Grade 9 English'],
          ['Standards', 'CCSS RI.9-10.8, W.9-10.1, SL.9-10.4'],
          ['Time', 'Five class periods including rehearsal and the town hall'],
        ],
        blocks: [
          { h: 'The task' },
          {
            p: "The city council will vote in the spring on converting the Elm Street tennis courts into a skate park. Read the council's briefing packet, the parks survey and two opinion pieces. Take a position, and prepare a three-minute public comment that a council member could act on.",
          },
          { h: 'Steps' },
          {
            ol: [
              'Annotate the packet: mark each claim, its evidence and any gap in reasoning.',
              'Write your comment: claim, two reasons with evidence, and a response to the strongest counterargument.',
              'Rehearse in trios; give feedback with the rubric.',
              'Revise and deliver at the mock town hall.',
            ],
          },
          { h: 'Rubric' },
          {
            table: [
              ['Criterion', 'Not yet (0)', 'Developing (1)', 'Proficient (2)', 'Exemplary (3)'],
              [
                'Claim',
                'No clear position.',
                'Position stated but vague.',
                'Precise claim a council member could act on.',
                'Claim with a specific proposal and conditions.',
              ],
              [
                'Evidence',
                'Opinion only.',
                'Evidence cited without explaining it.',
                'Relevant evidence from the packet, explained.',
                'Evidence weighed for reliability.',
              ],
              [
                'Counterargument',
                'Not addressed.',
                'Named but dismissed.',
                'Strongest counterargument answered with evidence.',
                'Concedes a point and shows why the claim still holds.',
              ],
              [
                'Delivery',
                'Read without eye contact; hard to follow.',
                'Mostly read; pace uneven.',
                'Clear, paced, within three minutes.',
                'Adapts to audience questions.',
              ],
            ],
            widths: [0.16, 0.2, 0.2, 0.22, 0.22],
          },
        ],
      },
    ],
    videos: [{ name: 'Mock town hall: three student speeches (6 min)', id: 2290 }],
  },
];
