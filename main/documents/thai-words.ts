// The small, reviewed vocabulary behind segment.ts: which Thai words are one unit on paper although the ICU
// dictionary splits them, which words introduce a number, which follow one, which are personal titles, and the
// words of an amount written out (bahttext). Typography only, not office rules. Each entry was checked against
// Intl.Segmenter('th') (Node 20 ICU): a word listed in KEEP_TOGETHER is one ICU splits, e.g. เด็ก|แรก|เกิด.

/**
 * Words an office reads as one but the dictionary splits (รับ|ผิด|ชอบ, ร้อย|ละ, ผู้|ประสบ|ภัย): a line never breaks
 * inside them. Kept short (at most about 15 letters), so that none outgrows a narrow column; a longer compound
 * such as องค์การบริหารส่วนตำบล is left to break at its own words. Words ICU already keeps whole (สวัสดิการ,
 * เทศบาล, ปีงบประมาณ, โทรศัพท์) are not listed.
 */
export const KEEP_TOGETHER: readonly string[] = [
  // people
  'ผู้สูงอายุ', 'ผู้พิการ', 'คนพิการ', 'ผู้ป่วย', 'ผู้ป่วยติดเตียง', 'ผู้ตรวจสอบ', 'ผู้แทน', 'ผู้ทรงคุณวุฒิ', 'ผู้ประสานงาน',
  'ผู้ใหญ่บ้าน', 'ชาวบ้าน', 'ผู้ประสบภัย', 'ผู้ด้อยโอกาส', 'ผู้มีรายได้น้อย', 'ผู้ว่าราชการ', 'เด็กแรกเกิด', 'หญิงตั้งครรภ์',
  'คณะกรรมการ', 'รองประธาน', 'นายอำเภอ', 'นายทะเบียน',
  // money
  'ล้านบาท', 'บาทถ้วน', 'ค่าธรรมเนียม', 'ค่าใช้จ่าย', 'ค่าตอบแทน', 'ค่าเดินทาง', 'ค่าอาหาร', 'ค่าสมัคร', 'แรกเข้า',
  'เงินสมทบ', 'เงินฝาก', 'เงินออม', 'เงินอุดหนุน', 'เบี้ยยังชีพ', 'รายจ่าย', 'ยอดยกมา', 'ยอดคงเหลือ', 'ใบเสร็จรับเงิน',
  'ใบเสร็จ', 'ใบสำคัญ', 'ทุนการศึกษา', 'สัจจะออมทรัพย์', 'งบประมาณ', 'ประจำปี',
  // labels and places
  'หมู่ที่', 'เลขที่', 'บ้านเลขที่', 'ลำดับที่', 'ครั้งที่', 'ชุดที่', 'ฉบับที่', 'เล่มที่', 'วันที่', 'ที่อยู่', 'ที่ประชุม',
  'มติที่ประชุม', 'ลงวันที่', 'รหัสไปรษณีย์', 'ประจำตัว', 'ร้อยละ', 'ครัวเรือน', 'หลังคาเรือน', 'ส่วนราชการ', 'หน่วยงาน',
  // work
  'รับผิดชอบ', 'เป้าหมาย', 'ตัวชี้วัด', 'แผนงาน', 'องค์ประชุม', 'คลอดบุตร', 'เสียชีวิต', 'โรงพยาบาล', 'ลายมือชื่อ',
  'รายชื่อ',
];

/**
 * Personal titles written directly before a first name (นายสมชาย, ว่าที่ร้อยตรีสมชาย). In running text a title and
 * the name after it stay together (segment.ts), since ICU cuts unknown names anywhere (นา|ยก|ฤษณ์).
 */
export const PERSON_TITLES: readonly string[] = [
  'นาย', 'นาง', 'นางสาว', 'น.ส.', 'เด็กชาย', 'เด็กหญิง', 'ด.ช.', 'ด.ญ.',
  'ว่าที่ร้อยตรี', 'ว่าที่ร้อยโท', 'ว่าที่ร้อยเอก', 'ว่าที่ ร.ต.', 'ว่าที่ร.ต.', 'ว่าที่ ร.ท.', 'ว่าที่ ร.อ.',
];

/** Words that start with a title but are not title + name (นายกเทศมนตรี is a mayor, not Mr. Kathetmontri). */
export const TITLE_LOOKALIKES: readonly string[] = [
  'นายก', 'นายอำเภอ', 'นายทะเบียน', 'นายช่าง', 'นายจ้าง', 'นายหน้า', 'นายทุน', 'นายทหาร', 'นายตำรวจ', 'นายแพทย์',
  'นายสิบ', 'นายร้อย', 'นายพัน', 'นายพล', 'นายเวร', 'นายประกัน', 'นายด่าน', 'นายงาน', 'นายบ้าน', 'นายท้าย',
  'นางพยาบาล', 'นางงาม', 'นางฟ้า', 'นางแบบ', 'นางเอก', 'นางรำ', 'นางกำนัล', 'นางสนม', 'นางนพมาศ', 'นางสาวไทย',
];
// 'นายก' also covers นายกรัฐมนตรี, นายกเทศมนตรี, นายกองค์การบริหารส่วนตำบล, นายกสมาคม; a first name starting
// with ก after นาย (นายกฤษณ์, นายกิตติ) is told apart in segment.ts by what follows.
export const MAYOR_WORDS: readonly string[] = ['นายกรัฐมนตรี', 'นายกเทศมนตรี', 'นายกองค์การ', 'นายกอบต', 'นายกสมาคม', 'นายกสภา'];

/**
 * Words that introduce a number and stay with it across a space: "หมู่ที่ ๓", "ร้อยละ ๖๙", "โทรสาร ๐๔๒…".
 * Any word ending in ที่ (ครั้งที่, ฉบับที่, …) and any Thai abbreviation ending in "." (พ.ศ., โทร., สอช.) also
 * count, by rule, in segment.ts.
 */
export const NUMBER_LABELS: readonly string[] = [
  'ร้อยละ', 'จำนวน', 'ข้อ', 'มาตรา', 'หน้า', 'หมู่', 'โทร', 'โทรศัพท์', 'โทรสาร', 'มือถือ', 'ปีงบประมาณ', 'รหัสไปรษณีย์',
  'อายุ', 'ซอย', 'ห้อง', 'อาคาร', 'ชั้น', 'วาระ', 'ระเบียบวาระ', 'หมายเลข', 'เลข', 'ปี', 'ประจำปี', 'รุ่น', 'งวด',
];
// Not the months: "๑๕ มีนาคม" stays together (a unit after its number) but may wrap before the year, so that a
// long date does not become one unit wider than a date column.

/**
 * Words written against a place name (ตำบลหนองบัวทอง, อำเภอภูผาแก้ว, จังหวัดขอนแก่น): the name after them, up to
 * the next space, is not cut (ICU does not know most place names: ภู|ผา|แก้ว).
 */
export const PLACE_PREFIXES: readonly string[] = ['ตำบล', 'อำเภอ', 'จังหวัด'];

/** Address abbreviations that stay with the name after them: "ม. ๓", "ต. หนองบัว", "อ. เมือง", "จ. อุดรธานี". */
export const PLACE_ABBREVIATIONS: readonly string[] = ['ม.', 'ต.', 'อ.', 'จ.', 'ถ.', 'ซ.'];

/** Words that follow a number and stay with it across a space: "๑,๒๓๔ คน", "๓ ปี", "๕๐๐ บาท", "๐๙.๓๐ น.". */
export const UNITS_AFTER_NUMBER: readonly string[] = [
  'บาท', 'บาทถ้วน', 'สตางค์', 'ล้านบาท', 'ล้าน', 'แสน', 'หมื่น', 'พัน', 'คน', 'ราย', 'ครัวเรือน', 'หลังคาเรือน',
  'ครอบครัว', 'ท่าน', 'รูป', 'ปี', 'เดือน', 'วัน', 'สัปดาห์', 'ชั่วโมง', 'ชม.', 'นาที', 'น.', 'ครั้ง', 'หลัง', 'แห่ง',
  'กลุ่ม', 'องค์กร', 'หมู่บ้าน', 'ตำบล', 'ชุด', 'ฉบับ', 'เล่ม', 'แผ่น', 'หน้า', 'ข้อ', 'รายการ', 'โครงการ', 'กิจกรรม',
  'ไร่', 'งาน', 'ตารางวา', 'ตร.ว.', 'ตร.ม.', 'ตารางเมตร', 'กิโลเมตร', 'กม.', 'เมตร', 'ม.', 'ซม.', 'กิโลกรัม', 'กก.',
  'ลิตร', 'ตัว', 'ชิ้น', 'เครื่อง', 'คัน', 'ต้น', 'ใบ', 'อัน', 'เท่า', 'คะแนน', 'เปอร์เซ็นต์', 'ปีงบประมาณ',
  ...['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'],
  ...['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
];

/** The words of an amount written out, as bahttext writes it (DOMAIN.md §4.3). */
export const DIGIT_WORDS: readonly string[] = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
/** Place words that close a whole number word: หนึ่งหมื่น, สองพัน, สามร้อย, ห้าสิบเอ็ดล้าน. */
export const PLACE_WORDS: readonly string[] = ['ร้อย', 'พัน', 'หมื่น', 'แสน', 'ล้าน'];
/** The rest of bahttext's vocabulary: tens (สิบ, ยี่สิบ, สิบเอ็ด), the currency and ถ้วน, and ลบ for negatives. */
export const AMOUNT_OTHER_WORDS: readonly string[] = ['สิบ', 'ยี่', 'เอ็ด', 'บาท', 'สตางค์', 'ถ้วน', 'ลบ'];
