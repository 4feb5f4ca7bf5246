// Realistic data shared by the benchmarks: distinct earner names in nine scripts and evidence responses
// of 100–200 words in several languages, from a seeded generator so every run (and every contender in a
// run) sees the same bytes. Names never repeat from a short list: font subsets, search tokens and sort
// keys behave as they do in a real panel's store.

/** A small deterministic PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

export type Script =
  'latin' | 'vietnamese' | 'greek' | 'cyrillic' | 'korean' | 'chinese' | 'japanese' | 'arabic' | 'hebrew';

interface NameParts {
  given: readonly string[];
  family: readonly string[];
  /** How a full name is written: given first with a space, family first, or family first without a space. */
  order: 'given-family' | 'family-given' | 'family-given-tight';
}

export const NAME_PARTS: Record<Script, NameParts> = {
  latin: {
    given: [
      'Zoë',
      'José',
      'Małgorzata',
      'Søren',
      'Ayşe',
      'Ángel',
      'François',
      'Grace',
      'Liam',
      'Aiyana',
      'Björn',
      'Chloé',
      'Dáithí',
      'Emőke',
      'Iñaki',
      'Jürgen',
      'Kateřina',
      'Łucja',
      'Maëlle',
      'Nuñez',
      'Oluwaseun',
      'Priyanka',
      'Siobhán',
      'Tomás',
    ],
    family: [
      'Núñez-Łukasiewicz',
      "O'Connell",
      'Mwangi',
      'Redcloud',
      'Øvergård',
      'Šimková',
      'Gündoğdu',
      'Dvořák',
      'Müller',
      'Herrera',
      'Kowalczyk',
      'Lefèvre',
      'Ó Briain',
      'Szabó',
      'Ibáñez',
      'Strauß',
      'Adeyemi',
      'Fitzgerald',
      'Van der Berg',
      'Ramírez',
      'Åkesson',
      'Çelik',
      'Petőfi',
      'Żółtowska',
    ],
    order: 'given-family',
  },
  vietnamese: {
    given: [
      'Thị Ánh',
      'Văn Đức',
      'Minh Châu',
      'Quốc Bảo',
      'Thu Hương',
      'Hoàng Long',
      'Ngọc Lan',
      'Đức Thắng',
      'Phương Thảo',
      'Tuấn Kiệt',
      'Bích Ngọc',
      'Gia Huy',
    ],
    family: [
      'Nguyễn',
      'Trần',
      'Lê',
      'Phạm',
      'Hoàng',
      'Huỳnh',
      'Phan',
      'Vũ',
      'Võ',
      'Đặng',
      'Bùi',
      'Đỗ',
      'Hồ',
      'Ngô',
      'Dương',
      'Lý',
    ],
    order: 'family-given',
  },
  greek: {
    given: [
      'Ἀλέξανδρος',
      'Μαρία',
      'Γιώργος',
      'Ελένη',
      'Δημήτρης',
      'Κατερίνα',
      'Νίκος',
      'Σοφία',
      'Παναγιώτης',
      'Αναστασία',
      'Χρήστος',
      'Ιωάννα',
    ],
    family: [
      'Παπαδόπουλος',
      'Γεωργίου',
      'Οικονόμου',
      'Βασιλείου',
      'Νικολάου',
      'Καραγιάννης',
      'Αλεξίου',
      'Μακρής',
      'Ζαχαρίου',
      'Σταυρόπουλος',
      'Πετρίδης',
      'Λαμπράκης',
    ],
    order: 'given-family',
  },
  cyrillic: {
    given: [
      'Оксана',
      'Дмитрий',
      'Анастасия',
      'Сергей',
      'Екатерина',
      'Андрій',
      'Ольга',
      'Михаил',
      'Наталья',
      'Богдан',
      'Ирина',
      'Ярослав',
    ],
    family: [
      'Коваленко',
      'Иванова',
      'Шевченко',
      'Смирнов',
      'Кузнецова',
      'Бондаренко',
      'Попов',
      'Лебедева',
      'Ткаченко',
      'Соколов',
      'Мельник',
      'Волкова',
    ],
    order: 'given-family',
  },
  korean: {
    given: ['민준', '서연', '지호', '하은', '도윤', '수아', '예준', '지우', '시우', '서윤', '주원', '하린'],
    family: ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오'],
    order: 'family-given-tight',
  },
  chinese: {
    given: ['小明', '丽华', '建国', '晓燕', '志强', '美玲', '俊杰', '雨欣', '子涵', '浩然', '思琪', '嘉怡'],
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'],
    order: 'family-given-tight',
  },
  japanese: {
    given: ['さくら', '陽翔', '結衣', '蓮', '美咲', '大翔', 'ひなた', '悠真', '葵', '湊', '芽依', '樹'],
    family: ['田中', '佐藤', '鈴木', '高橋', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田'],
    order: 'family-given',
  },
  arabic: {
    given: ['محمد', 'فاطمة', 'أحمد', 'مريم', 'علي', 'نور', 'يوسف', 'ليلى', 'عمر', 'سارة', 'خالد', 'زينب'],
    family: [
      'الأحمد',
      'الحسن',
      'المصري',
      'العلي',
      'الخطيب',
      'النجار',
      'الحداد',
      'السيد',
      'القاسم',
      'الزين',
      'الشامي',
      'البكري',
    ],
    order: 'given-family',
  },
  hebrew: {
    given: ['שרה', 'דוד', 'נועה', 'יוסף', 'מיכל', 'אברהם', 'תמר', 'יונתן', 'רחל', 'אריאל', 'אביגיל', 'נתן'],
    family: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'דהן', 'אברהם', 'פרידמן', 'שפירא', 'גולן', 'אזולאי', 'קפלן'],
    order: 'given-family',
  },
};

export const SCRIPTS = Object.keys(NAME_PARTS) as Script[];

function compose(parts: NameParts, given: string, family: string): string {
  if (parts.order === 'given-family') return `${given} ${family}`;
  if (parts.order === 'family-given') return `${family} ${given}`;
  return `${family}${given}`;
}

export interface BenchName {
  name: string;
  script: Script;
  given: string;
  family: string;
}

/**
 * `count` distinct names, the scripts in turn (name i is in SCRIPTS[i % 9]). Within a script the
 * given × family pairs are walked in a seeded order, then a middle initial or second given name makes
 * further names distinct, so no name repeats however many are asked for.
 */
export function distinctNames(count: number, seed = 1): BenchName[] {
  const rng = seededRandom(seed);
  const perScript = new Map<Script, number>();
  const orders = new Map<Script, number[]>();
  const seen = new Set<string>();
  const out: BenchName[] = [];
  for (let i = 0; out.length < count; i++) {
    const script = SCRIPTS[i % SCRIPTS.length]!;
    const parts = NAME_PARTS[script];
    const pairs = parts.given.length * parts.family.length;
    let order = orders.get(script);
    if (!order) {
      order = Array.from({ length: pairs }, (_, k) => k);
      for (let k = order.length - 1; k > 0; k--) {
        const j = Math.floor(rng() * (k + 1));
        [order[k], order[j]] = [order[j]!, order[k]!];
      }
      orders.set(script, order);
    }
    const n = perScript.get(script) ?? 0;
    perScript.set(script, n + 1);
    const pair = order[n % pairs]!;
    const round = Math.floor(n / pairs);
    let given = parts.given[pair % parts.given.length]!;
    const family = parts.family[Math.floor(pair / parts.given.length)]!;
    if (round > 0) {
      // A second given name from the same script, then a number of rounds beyond that.
      const second = parts.given[(pair + round) % parts.given.length]!;
      given = round < parts.given.length ? `${given} ${second}` : `${given} ${second} ${round}`;
    }
    const name = compose(parts, given, family);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, script, given, family });
  }
  return out;
}

const ENGLISH = `students lesson inquiry evidence question phenomenon model data claim reasoning argument investigation
  rubric feedback assessment formative summative reflection collaboration discourse scaffold differentiation
  engineering design prototype iteration measurement graph hypothesis variable experiment observation pattern
  explanation classroom learners group task criteria success teacher practice goal standard unit plan activity
  because then when while after before during which their they this that with from into about across through
  the and of to a in is was for on as it were be by are have had not but what all can will one each how`.split(/\s+/);
const SPANISH = `estudiantes lección pregunta evidencia modelo datos razonamiento argumento investigación rúbrica
  retroalimentación evaluación reflexión colaboración diseño prototipo medición gráfico hipótesis variable
  experimento observación patrón explicación aula grupo tarea criterios éxito maestra práctica meta unidad
  porque cuando mientras después antes durante que sus ellos esta con desde sobre través el la los las de y en`.split(
  /\s+/,
);
const VIETNAMESE = `học sinh bài học câu hỏi bằng chứng mô hình dữ liệu lập luận điều tra tiêu chí phản hồi đánh giá
  suy ngẫm hợp tác thiết kế đo lường biểu đồ giả thuyết thí nghiệm quan sát lớp học nhóm nhiệm vụ giáo viên
  mục tiêu đơn vị vì khi trong sau trước của và với các những là có được`.split(/\s+/);
const CHINESE = [
  '学生在课堂上提出问题并收集证据。',
  '我们用模型解释现象，',
  '小组讨论后每个人写下自己的推理。',
  '老师根据评分标准给出反馈，',
  '实验数据显示了清楚的规律。',
  '下一节课我们会改进设计。',
];
const ARABIC = `الطلاب الدرس سؤال دليل نموذج بيانات استدلال حجة تحقيق معايير تغذية راجعة تقييم تأمل تعاون تصميم
  قياس رسم بياني فرضية تجربة ملاحظة نمط تفسير الصف مجموعة مهمة المعلم هدف وحدة لأن عندما بينما بعد قبل في من على`.split(
  /\s+/,
);

export type ResponseLanguage = 'english' | 'spanish' | 'vietnamese' | 'chinese' | 'arabic';

/** Mostly English, as in most packages, with Spanish, Vietnamese, Chinese and Arabic responses mixed in. */
export function responseLanguage(rng: () => number): ResponseLanguage {
  const r = rng();
  if (r < 0.7) return 'english';
  if (r < 0.8) return 'spanish';
  if (r < 0.87) return 'vietnamese';
  if (r < 0.94) return 'chinese';
  return 'arabic';
}

/** A response of `words` words (100–200 when not given) in `language`, written as sentences. */
export function responseText(rng: () => number, language: ResponseLanguage = 'english', words?: number): string {
  const count = words ?? 100 + Math.floor(rng() * 101);
  if (language === 'chinese') {
    // About two characters per word: a sentence of the list is ~12 characters.
    const parts: string[] = [];
    for (let chars = 0; chars < count * 2;) {
      const s = pick(rng, CHINESE);
      parts.push(s);
      chars += s.length;
    }
    return parts.join('');
  }
  const vocab =
    language === 'spanish'
      ? SPANISH
      : language === 'vietnamese'
        ? VIETNAMESE
        : language === 'arabic'
          ? ARABIC
          : ENGLISH;
  const out: string[] = [];
  let sentence = 0;
  for (let i = 0; i < count; i++) {
    let w = pick(rng, vocab);
    if (sentence === 0 && language !== 'arabic') w = w.charAt(0).toUpperCase() + w.slice(1);
    sentence++;
    if (sentence > 8 + Math.floor(rng() * 10) || i === count - 1) {
      w += '.';
      sentence = 0;
    }
    out.push(w);
  }
  return out.join(' ');
}
