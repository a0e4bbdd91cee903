"""Bilingual names of the codes a scenario file uses: customer types, skills, moods,
channels, ending kinds and difficulties.

The codes stay ASCII in content files and the database; these names are what a
trainee reads, in the GUI, on a printed sheet or in an export, so they live here
in plain Python where every layer can reuse them.
"""

from cs_trainer.quizzes.schema_common import Text

CUSTOMER_TYPE_NAMES: dict[str, Text] = {
    "rational": Text(zh="理智型客户", en="Rational customer"),
    "habitual": Text(zh="习惯型客户", en="Creature of habit"),
    "economical": Text(zh="经济型客户", en="Price-conscious customer"),
    "impulsive": Text(zh="冲动型客户", en="Impulsive customer"),
    "lively": Text(zh="活泼型客户", en="Lively customer"),
    "hesitant": Text(zh="犹豫型客户", en="Hesitant customer"),
    "hurried": Text(zh="急于办事的客户", en="Customer in a hurry"),
    "special_needs": Text(zh="有特殊需求的客户", en="Customer with special needs"),
    "rude_impolite": Text(zh="不懂礼貌的客户", en="Impolite customer"),
    "rude_bad_mood": Text(zh="心情不好的客户", en="Customer in a bad mood"),
    "rude_short_tempered": Text(zh="性急粗暴的客户", en="Short-tempered customer"),
    "rude_unreasonable": Text(zh="蛮不讲理的客户", en="Unreasonable customer"),
    "couple": Text(zh="结伴的客户", en="Customers together (couple, family)"),
    "elderly": Text(zh="老年客户", en="Elderly customer"),
    "blind": Text(zh="视障客户", en="Blind customer"),
    "child": Text(zh="儿童客户", en="Child"),
    "pregnant": Text(zh="孕妇客户", en="Pregnant customer"),
    "complaint": Text(zh="投诉的客户", en="Complaining customer"),
    "telephone": Text(zh="来电客户", en="Caller on the telephone"),
    "email": Text(zh="来信客户", en="Customer writing by e-mail"),
    "callback": Text(zh="回访", en="Follow-up call"),
    "incident": Text(zh="突发事件", en="Incident"),
    "front_desk": Text(zh="前台来访", en="Visitor at the front desk"),
}
"""The customer types of 《客服接待岗位职责工作标准》 (§1.1–1.7, special, rude and group
customers) and the situations of the other source documents."""

SKILL_NAMES: dict[str, Text] = {
    "listening": Text(zh="倾听", en="Listening"),
    "empathy": Text(zh="同理心", en="Empathy"),
    "apology": Text(zh="致歉", en="Apology"),
    "solution": Text(zh="解决问题", en="Solution"),
    "authority": Text(zh="权限意识", en="Within authority"),
    "follow_up": Text(zh="跟进回复", en="Follow-up"),
    "courtesy": Text(zh="礼貌", en="Courtesy"),
}

MOOD_NAMES: dict[str, Text] = {
    "calm": Text(zh="平静", en="Calm"),
    "pleased": Text(zh="满意", en="Pleased"),
    "neutral": Text(zh="平常", en="Neutral"),
    "hesitant": Text(zh="犹豫", en="Hesitant"),
    "anxious": Text(zh="着急", en="Anxious"),
    "impatient": Text(zh="不耐烦", en="Impatient"),
    "annoyed": Text(zh="恼火", en="Annoyed"),
    "angry": Text(zh="生气", en="Angry"),
    "upset": Text(zh="难过", en="Upset"),
    "drunk": Text(zh="醉酒", en="Drunk"),
}

CHANNEL_NAMES: dict[str, Text] = {
    "counter": Text(zh="柜台", en="Counter"),
    "telephone": Text(zh="电话", en="Telephone"),
    "email": Text(zh="电子邮件", en="E-mail"),
    "online_chat": Text(zh="在线聊天", en="Online chat"),
    "front_desk": Text(zh="前台", en="Front desk"),
}

ENDING_KIND_NAMES: dict[str, Text] = {
    "resolved": Text(zh="问题解决", en="Resolved"),
    "escalated": Text(zh="升级处理", en="Escalated"),
    "left_unhappy": Text(zh="客户不满离开", en="Customer left unhappy"),
    "callback_promised": Text(zh="约定回复", en="Call-back promised"),
    "other": Text(zh="其他结局", en="Other ending"),
}

DIFFICULTY_NAMES: dict[int, Text] = {
    1: Text(zh="入门", en="Easy"),
    2: Text(zh="中等", en="Medium"),
    3: Text(zh="困难", en="Hard"),
}


def label(names: dict[str, Text], code: str) -> Text:
    """The name of ``code``, or the code itself in both languages when it is unknown
    (a snapshot stored by a newer version of the app)."""
    return names.get(code) or Text(zh=code, en=code)
