<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddCandidateDialog</name>
    <message>
        <location filename="../ui/candidate_dialog.py" line="23" />
        <source>Add candidate</source>
        <translation>登记候选人</translation>
    </message>
    <message>
        <location filename="../ui/candidate_dialog.py" line="27" />
        <source>e.g. customer service specialist</source>
        <translation>例如：客服专员</translation>
    </message>
    <message>
        <location filename="../ui/candidate_dialog.py" line="31" />
        <source>The candidate has read this and agrees</source>
        <translation>候选人已阅读并同意</translation>
    </message>
    <message>
        <location filename="../ui/candidate_dialog.py" line="35" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../ui/candidate_dialog.py" line="46" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/candidate_dialog.py" line="47" />
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/candidate_dialog.py" line="48" />
        <source>P&amp;osition applied for</source>
        <translation>应聘岗位(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/candidate_dialog.py" line="49" />
        <source>&lt;b&gt;Consent to store personal data&lt;/b&gt;</source>
        <translation>&lt;b&gt;个人信息保存同意书&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>CandidateDetail</name>
    <message>
        <location filename="../ui/candidate_detail.py" line="83" />
        <source>Select a candidate in the list.</source>
        <translation>请在列表中选择一位候选人。</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="42" />
        <source>&lt;b&gt;Self-tests&lt;/b&gt;</source>
        <translation>&lt;b&gt;服务潜能测试&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="61" />
        <source>ID %1 · Phone %2 · Position %3</source>
        <translation>编号 %1 · 电话 %2 · 应聘岗位 %3</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="66" />
        <source>Consent recorded %1</source>
        <translation>同意书记录于 %1</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="75" />
        <source>No self-test yet.</source>
        <translation>尚未做过测试。</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="85" />
        <source>No candidates yet. Click “Add candidate…” to register the first one.</source>
        <translation>还没有候选人。点击“登记候选人…”登记第一位。</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="102" />
        <source>%1 · unfinished (%2 / %3 answered) — double-click to resume</source>
        <translation>%1 · 未完成（已答 %2 / %3）— 双击继续</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../ui/candidate_table_model.py" line="24" />
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="25" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="26" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="27" />
        <source>Position</source>
        <translation>应聘岗位</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="28" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="29" />
        <source>Self-test</source>
        <translation>服务潜能测试</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="84" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>CandidatesPage</name>
    <message>
        <location filename="../ui/candidates_page.py" line="50" />
        <source>&amp;Add candidate…</source>
        <translation>登记候选人(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="51" />
        <source>&amp;Start self-test…</source>
        <translation>开始测试(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="52" />
        <source>&amp;Enter paper answers…</source>
        <translation>录入纸质答卷(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="53" />
        <source>Save sheet as &amp;PDF…</source>
        <translation>评估表存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="54" />
        <source>P&amp;rint sheet…</source>
        <translation>打印评估表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="56" />
        <source>Search name or phone</source>
        <translation>按姓名或电话搜索</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="30" />
        <source>cs_trainer — customer service recruitment and training</source>
        <translation>cs_trainer — 客服招聘与培训</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="41" />
        <source>Candidates</source>
        <translation>候选人</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="42" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="101" />
        <source>%1 did not finish the self-test (%2 of %3 answered). Resume it now?</source>
        <translation>%1 的服务潜能测试尚未完成（已答 %2 / %3 题）。现在继续吗？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="107" />
        <source>Unfinished self-test</source>
        <translation>未完成的测试</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="109" />
        <source>Enter paper answers</source>
        <translation>录入纸质答卷</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="133" />
        <source>&lt;b&gt;1 point&lt;/b&gt;</source>
        <translation>&lt;b&gt;1 分&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="134" />
        <source>&lt;b&gt;Score&lt;/b&gt;</source>
        <translation>&lt;b&gt;得分&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="135" />
        <source>&lt;b&gt;10 points&lt;/b&gt;</source>
        <translation>&lt;b&gt;10 分&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="149" />
        <source>Filled in by</source>
        <translation>填写方式</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="150" />
        <source>Conducted by</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="153" />
        <source>Scores from the paper form of %1:</source>
        <translation>%1 的纸质答卷得分：</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="168" />
        <source>Scores still to enter: %1</source>
        <translation>还有 %1 题未录入</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="172" />
        <source>Total: %1 / %2</source>
        <translation>总分：%1 / %2</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <location filename="../ui/selftest_page.py" line="92" />
        <source>Pair %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="94" />
        <source>1 point</source>
        <translation>1 分</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="95" />
        <source>10 points</source>
        <translation>10 分</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="98" />
        <source>Choose where you are between the two statements: 1 means exactly like the left one, 10 exactly like the right one. Keys 1–9 and 0 (for 10) work too.</source>
        <translation>在两句话之间选出最符合你的位置：1 表示完全像左边这句，10 表示完全像右边这句。也可以按数字键 1–9，0 代表 10。</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../ui/result_view.py" line="72" />
        <source>%1 / %2 points</source>
        <translation>%1 / %2 分</translation>
    </message>
    <message>
        <location filename="../ui/result_view.py" line="82" />
        <source>By group of qualities: %1</source>
        <translation>按素质分组：%1</translation>
    </message>
</context>
<context>
    <name>SelfTestPage</name>
    <message>
        <location filename="../ui/selftest_page.py" line="154" />
        <source>Leave the test</source>
        <translation>退出测试</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="155" />
        <source>← Back</source>
        <translation>← 上一题</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="156" />
        <source>Next →</source>
        <translation>下一题 →</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="157" />
        <source>Begin</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="158" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="159" />
        <source>Back to candidates</source>
        <translation>返回候选人列表</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="160" />
        <source>Save as PDF…</source>
        <translation>存为 PDF…</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="161" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="193" />
        <source>&lt;p&gt;&lt;b&gt;Welcome back.&lt;/b&gt; Your %1 earlier answers are saved; you continue where you stopped.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;欢迎回来。&lt;/b&gt;你之前的 %1 个回答都已保存，将从中断的地方继续。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="198" />
        <source>&lt;h3&gt;Before you begin&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;填写说明&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="201" />
        <source>&lt;p&gt;Each screen shows two opposite statements. Choose a number from 1 to 10 for where you are between them. There are no right or wrong answers.&lt;/p&gt;&lt;p&gt;Press &lt;b&gt;Begin&lt;/b&gt; (or Enter) when you are ready.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每一屏显示两句意思相反的话。请在 1 到 10 之间选出你所处的位置。答案没有对错之分。&lt;/p&gt;&lt;p&gt;准备好后，请按&lt;b&gt;开始&lt;/b&gt;（或回车键）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="261" />
        <source>Leave the test?</source>
        <translation>退出测试？</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="262" />
        <source>The answers given so far are saved. The test can be resumed later from the candidate's page.</source>
        <translation>已答的题目都已保存，之后可在候选人页面继续测试。</translation>
    </message>
    <message>
        <location filename="../ui/selftest_page.py" line="314" />
        <source>Answer every pair to finish.</source>
        <translation>回答完所有题目才能完成。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/settings_page.py" line="32" />
        <source>Printed at the top of every sheet</source>
        <translation>印在每张评估表的顶部</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="35" />
        <source>Your name, suggested as who conducts tests</source>
        <translation>你的姓名，默认作为测试主持人</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="38" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="44" />
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="47" />
        <source>&amp;Organisation name</source>
        <translation>单位名称(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="48" />
        <source>&amp;Interviewer on this computer</source>
        <translation>本机面试官(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="49" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="50" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="57" />
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;设置&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="72" />
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <location filename="../ui/sheet_actions.py" line="36" />
        <source>Writing the evaluation sheet…</source>
        <translation>正在生成评估表…</translation>
    </message>
    <message>
        <location filename="../ui/sheet_actions.py" line="52" />
        <source>Sent %1 page(s) to the printer.</source>
        <translation>已发送 %1 页到打印机。</translation>
    </message>
    <message>
        <location filename="../ui/sheet_actions.py" line="56" />
        <source>Preparing the sheet for printing…</source>
        <translation>正在准备打印评估表…</translation>
    </message>
    <message>
        <location filename="../ui/sheet_actions.py" line="62" />
        <source>Saved the evaluation sheet to %1</source>
        <translation>评估表已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/sheet_actions.py" line="73" />
        <source>Save evaluation sheet</source>
        <translation>保存评估表</translation>
    </message>
    <message>
        <location filename="../ui/sheet_actions.py" line="75" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>StartSelfTestDialog</name>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="48" />
        <source>Start the self-test</source>
        <translation>开始服务潜能测试</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="53" />
        <source>Start “%1” for %2. After you press Start, hand the laptop over: only the test is shown until it is finished or you leave it.</source>
        <translation>为 %2 开始“%1”。按“开始”后，请把电脑交给候选人：在测试完成或退出之前，屏幕上只显示测试。</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="61" />
        <source>&amp;Filled in by</source>
        <translation>填写方式(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="62" />
        <source>&amp;Conducted by</source>
        <translation>主持人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="66" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>groups</name>
    <message>
        <location filename="../ui/result_view.py" line="21" />
        <source>Psychological qualities</source>
        <translation>心理素质</translation>
    </message>
    <message>
        <location filename="../ui/result_view.py" line="22" />
        <source>Character</source>
        <translation>品格素质</translation>
    </message>
    <message>
        <location filename="../ui/result_view.py" line="23" />
        <source>Skills</source>
        <translation>技能素质</translation>
    </message>
    <message>
        <location filename="../ui/result_view.py" line="24" />
        <source>Overall qualities</source>
        <translation>综合素质</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <location filename="../ui/problems.py" line="22" />
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <location filename="../ui/problems.py" line="35" />
        <source>Something went wrong inside cs_trainer. Your answers so far are saved. Please send the details below to whoever looks after this program.</source>
        <translation>cs_trainer 内部出错了。已答的内容都已保存。请把下面的详细信息发给负责维护本程序的同事。</translation>
    </message>
</context>
</TS>
