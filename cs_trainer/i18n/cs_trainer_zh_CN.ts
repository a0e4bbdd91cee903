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
    <name>AddEntryDialog</name>
    <message>
        <location filename="../ui/reception_page.py" line="228" />
        <source>Add a deduction or bonus</source>
        <translation>添加扣分或奖分</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="230" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="230" />
        <source>Item</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="241" />
        <source>Search the standard's items</source>
        <translation>搜索考核标准的项目</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="248" />
        <source>What happened, where, who confirmed it</source>
        <translation>发生了什么、在哪里、由谁确认</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="295" />
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="296" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="297" />
        <source>&amp;Assessor</source>
        <translation>考核人(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="299" />
        <source>Entry for %1:</source>
        <translation>%1 的考核记录：</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../ui/performance_page.py" line="95" />
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="98" />
        <source>e.g. customer service specialist</source>
        <translation>例如：客服专员</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="105" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="106" />
        <source>&amp;Position</source>
        <translation>岗位(&amp;P)</translation>
    </message>
</context>
<context>
    <name>AddTraineesDialog</name>
    <message>
        <location filename="../ui/cohort_widgets.py" line="198" />
        <source>Add trainees to %1</source>
        <translation>将学员加入 %1</translation>
    </message>
    <message>
        <location filename="../ui/cohort_widgets.py" line="200" />
        <source>Filter by name</source>
        <translation>按姓名筛选</translation>
    </message>
    <message>
        <location filename="../ui/cohort_widgets.py" line="206" />
        <source>%1 (now in %2)</source>
        <translation>%1（现属 %2）</translation>
    </message>
</context>
<context>
    <name>CandidateActions</name>
    <message>
        <source>Corrected candidate %1's details.</source>
        <translation>已更正应聘者 %1 的资料。</translation>
    </message>
    <message>
        <source>Erased candidate %1's personal data.</source>
        <translation>已删除应聘者 %1 的个人资料。</translation>
    </message>
    <message>
        <source>Erased the personal data of %1 candidate(s).</source>
        <translation>已删除 %1 位应聘者的个人资料。</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>正在删除……</translation>
    </message>
    <message>
        <source>Export the candidate's data to</source>
        <translation>把应聘者的资料导出到</translation>
    </message>
    <message>
        <source>Exported candidate %1's data to %2</source>
        <translation>已把应聘者 %1 的资料导出到 %2</translation>
    </message>
    <message>
        <source>Exporting the candidate's data…</source>
        <translation>正在导出应聘者的资料……</translation>
    </message>
    <message>
        <source>Recorded the withdrawal of candidate %1's consent.</source>
        <translation>已记录应聘者 %1 撤回同意。</translation>
    </message>
    <message>
        <location filename="../ui/candidate_actions.py" line="92" />
        <source>There is no interview plan yet. Make one on the Interviews page first.</source>
        <translation>还没有面试方案。请先在“面试”页面建立一个方案。</translation>
    </message>
</context>
<context>
    <name>CandidateDetail</name>
    <message>
        <source>&amp;Withdraw consent…</source>
        <translation>撤回同意(&amp;W)…</translation>
    </message>
    <message>
        <source>Consent given %1 (notice %2)</source>
        <translation>%1 同意（告知版本 %2）</translation>
    </message>
    <message>
        <source>E&amp;xport data…</source>
        <translation>导出资料(&amp;X)…</translation>
    </message>
    <message>
        <source>Edit deta&amp;ils…</source>
        <translation>更正资料(&amp;I)…</translation>
    </message>
    <message>
        <source>Erased candidate #%1</source>
        <translation>已删除的应聘者 #%1</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>ID %1 · Position %2 · personal data erased %3</source>
        <translation>ID %1 · 应聘岗位 %2 · 个人资料已于 %3 删除</translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation>%1 已撤回</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="83" />
        <source>Select a candidate in the list.</source>
        <translation>请在列表中选择一位候选人。</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="110" />
        <source>ID %1 · Phone %2 · Position %3</source>
        <translation>编号 %1 · 电话 %2 · 应聘岗位 %3</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="118" />
        <source>Consent recorded %1</source>
        <translation>同意书记录于 %1</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="137" />
        <source>No self-test yet.</source>
        <translation>尚未做过测试。</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="85" />
        <source>No candidates yet. Click “Add candidate…” to register the first one.</source>
        <translation>还没有候选人。点击“登记候选人…”登记第一位。</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="44" />
        <source>Self-tests</source>
        <translation>服务潜能测试</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="53" />
        <source>Interviews</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="56" />
        <source>Typing</source>
        <translation>打字测试</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="59" />
        <source>Stages and decision</source>
        <translation>招聘阶段与决定</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="102" />
        <source> · Decision: %1</source>
        <translation> · 决定：%1</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="115" />
        <source>Stage: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>当前阶段：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="145" />
        <source>%1 · unfinished (%2 / %3 answered) — double-click to resume</source>
        <translation>%1 · 未完成（已答 %2 / %3）— 双击继续</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="157" />
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="159" />
        <source>unfinished — double-click to continue</source>
        <translation>未完成 — 双击继续</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="172" />
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="172" />
        <source>not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="174" />
        <source>%1 · %2 · %3 characters/min · accuracy %4% · pass mark %5 · %6</source>
        <translation>%1 · %2 · 每分钟 %3 字 · 准确率 %4% · 合格线 %5 · %6</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="183" />
        <source>No typing test yet.</source>
        <translation>尚未做过打字测试。</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="190" />
        <source>%1 · Decision: %2 — %3 (by %4)</source>
        <translation>%1 · 决定：%2 — %3（%4）</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="198" />
        <source>%1 · %2 → %3 (by %4)</source>
        <translation>%1 · %2 → %3（%4）</translation>
    </message>
    <message>
        <location filename="../ui/candidate_detail.py" line="206" />
        <source>%1 · Registered</source>
        <translation>%1 · 登记</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../ui/candidate_table_model.py" line="28" />
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="29" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="30" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="31" />
        <source>Position</source>
        <translation>应聘岗位</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="32" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="33" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="34" />
        <source>Self-test</source>
        <translation>服务潜能测试</translation>
    </message>
    <message>
        <location filename="../ui/candidate_table_model.py" line="101" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>CandidatesPage</name>
    <message>
        <source>Rete&amp;ntion…</source>
        <translation>保存期限(&amp;N)…</translation>
    </message>
    <message>
        <source>The candidates whose retention period has run out (administrators)</source>
        <translation>保存期限已满的应聘者（管理员）</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="59" />
        <source>&amp;Add candidate…</source>
        <translation>登记候选人(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="60" />
        <source>&amp;Start self-test…</source>
        <translation>开始测试(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="61" />
        <source>&amp;Enter paper answers…</source>
        <translation>录入纸质答卷(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="62" />
        <source>&amp;Interview…</source>
        <translation>面试(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="63" />
        <source>&amp;Typing test…</source>
        <translation>打字测试(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="64" />
        <source>Change sta&amp;ge…</source>
        <translation>变更阶段(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="65" />
        <source>&amp;Decision…</source>
        <translation>录用决定(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="66" />
        <source>Save sheet as &amp;PDF…</source>
        <translation>评估表存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="67" />
        <source>P&amp;rint sheet…</source>
        <translation>打印评估表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="108" />
        <source>Search name or phone</source>
        <translation>按姓名或电话搜索</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="113" />
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../ui/candidates_page.py" line="173" />
        <source>All positions</source>
        <translation>全部岗位</translation>
    </message>
</context>
<context>
    <name>CohortProgressTab</name>
    <message>
        <location filename="../ui/progress_page.py" line="380" />
        <source>Loading the cohort's results…</source>
        <translation>正在读取班级成绩…</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="385" />
        <source>&amp;New cohort…</source>
        <translation>新建班级(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/trainer/cohort_tab.py" line="71" />
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="386" />
        <source>&amp;Add trainees…</source>
        <translation>添加学员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="387" />
        <source>&amp;From</source>
        <translation>起始(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="388" />
        <source>T&amp;o</source>
        <translation>截止(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="399" />
        <source>The cohort's weakest skills</source>
        <translation>班级最薄弱的技能</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="403" />
        <source>All role-plays, whatever the dates above.</source>
        <translation>统计全部角色扮演，不受上方日期限制。</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="414" />
        <source>&amp;Cohort:</source>
        <translation>班级(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="471" />
        <source>%1 (trainees: %2)</source>
        <translation>%1（%2 名学员）</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="487" />
        <source>, </source>
        <comment>between the names in a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="490" />
        <source>&lt;b&gt;Weakest:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;最薄弱：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="497" />
        <source>No cohort yet: create one with “New cohort…”, then add trainees.</source>
        <translation>还没有班级：请先点击“新建班级…”，再添加学员。</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="499" />
        <source>This cohort has no trainees yet: use “Add trainees…”.</source>
        <translation>这个班级还没有学员：请点击“添加学员…”。</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="502" />
        <source>%1 trainees, %2 role-plays and tests. Each cell: latest / best result; click a heading to sort by best.</source>
        <translation>%1 名学员，%2 项角色扮演和测试。每格为：最近一次 / 最好成绩；点击列标题可按最好成绩排序。</translation>
    </message>
</context>
<context>
    <name>CohortTableModel</name>
    <message>
        <location filename="../ui/cohort_widgets.py" line="96" />
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../ui/cohort_widgets.py" line="100" />
        <source>Mean of the latest and of the best results, over what the trainee took</source>
        <translation>该学员做过的各项中，最近成绩的平均 / 最好成绩的平均</translation>
    </message>
    <message>
        <location filename="../ui/cohort_widgets.py" line="102" />
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../ui/cohort_widgets.py" line="140" />
        <source>Latest %1, best %2, attempts: %3</source>
        <translation>最近 %1，最好 %2，共做 %3 次</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="126" />
        <source>Decision</source>
        <translation>录用决定</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="126" />
        <source>The hiring decision for %1.</source>
        <translation>%1 的录用决定。</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="133" />
        <source>&amp;Decision</source>
        <translation>决定(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="134" />
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="135" />
        <source>&amp;By</source>
        <translation>经办人(&amp;B)</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../ui/export_dialog.py" line="149" />
        <source>There is no cohort to export yet.</source>
        <translation>还没有可以导出的班级。</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="172" />
        <source>Exporting score sheets…</source>
        <translation>正在导出成绩单…</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="179" />
        <source>Exported %1 files to %2</source>
        <translation>已导出 %1 个文件到 %2</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="182" />
        <source>Export cancelled; the files already written to %1 are complete.</source>
        <translation>导出已取消；已写入 %1 的文件都是完整的。</translation>
    </message>
</context>
<context>
    <name>ExportCohortDialog</name>
    <message>
        <location filename="../ui/export_dialog.py" line="60" />
        <source>Export score sheets</source>
        <translation>导出成绩单</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="64" />
        <source>%1 (%2 trainees)</source>
        <translation>%1（%2 名学员）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="69" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="74" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="86" />
        <source>Cohort:</source>
        <translation>班级：</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="87" />
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="114" />
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>FeedbackCard</name>
    <message>
        <location filename="../ui/roleplay_end.py" line="195" />
        <source>Well handled</source>
        <translation>应对得当</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="196" />
        <source>That did not help</source>
        <translation>这样说没有帮助</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="197" />
        <source>Neither good nor bad</source>
        <translation>不好不坏</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="200" />
        <source>You said: "%1"</source>
        <translation>你说：“%1”</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="203" />
        <source>&lt;b&gt;Principle:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;原则：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="206" />
        <source>Patience %1 (now %2)</source>
        <translation>耐心 %1（现在 %2）</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <location filename="../ui/interview_page.py" line="93" />
        <source>Back to candidates</source>
        <translation>返回候选人列表</translation>
    </message>
    <message>
        <location filename="../ui/interview_page.py" line="94" />
        <source>← Previous</source>
        <translation>← 上一项</translation>
    </message>
    <message>
        <location filename="../ui/interview_page.py" line="95" />
        <source>Next →</source>
        <translation>下一题 →</translation>
    </message>
    <message>
        <location filename="../ui/interview_page.py" line="96" />
        <source>Finish interview</source>
        <translation>结束面试</translation>
    </message>
    <message>
        <location filename="../ui/interview_page.py" line="118" />
        <source>%1 · %2 · interviewer %3</source>
        <translation>%1 · %2 · 面试官 %3</translation>
    </message>
    <message>
        <location filename="../ui/interview_page.py" line="153" />
        <source>%1 of %2 rated · saved automatically</source>
        <translation>已评 %1 / %2 项 · 自动保存</translation>
    </message>
</context>
<context>
    <name>InterviewSummaryView</name>
    <message>
        <location filename="../ui/interview_summary.py" line="50" />
        <source>No interview yet.</source>
        <translation>尚未面试。</translation>
    </message>
    <message>
        <location filename="../ui/interview_summary.py" line="92" />
        <source>Question or task</source>
        <translation>问题或任务</translation>
    </message>
    <message>
        <location filename="../ui/interview_summary.py" line="92" />
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/interview_summary.py" line="92" />
        <source>Mean</source>
        <translation>平均</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../ui/interview_panels.py" line="182" />
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="185" />
        <source>Notes: what the candidate said and did</source>
        <translation>记录：候选人说了什么、做了什么</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../ui/performance_page.py" line="229" />
        <source>Comment: the facts behind the rating</source>
        <translation>评语：评分的事实依据</translation>
    </message>
</context>
<context>
    <name>ItemStatisticsModel</name>
    <message>
        <location filename="../ui/statistics_page.py" line="69" />
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="70" />
        <source>Answered</source>
        <translation>作答人数</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="71" />
        <source>Facility</source>
        <translation>通过率</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="72" />
        <source>D (27 %)</source>
        <translation>区分度 D（27%）</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="73" />
        <source>r (item–rest)</source>
        <translation>题总相关 r</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="74" />
        <source>KR-20 if deleted</source>
        <translation>删除后 KR-20</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="78" />
        <source>How many finished attempts answered the item</source>
        <translation>有多少份已完成的测验作答了这道题</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="79" />
        <source>Share of trainees who got it right (0–1): near 1 is very easy</source>
        <translation>答对的学员比例（0–1）：接近 1 表示很容易</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="80" />
        <source>Right in the top 27 % minus right in the bottom 27 %; 0.3 or more is good</source>
        <translation>高分组（前 27%）答对率减去低分组（后 27%）答对率；0.3 以上为好</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="81" />
        <source>Corrected point-biserial: how well the item agrees with the rest of the quiz</source>
        <translation>校正点二列相关：这道题与测验其余题目的一致程度</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="82" />
        <source>The quiz's reliability if this item were removed; higher than now: weak item</source>
        <translation>删除这道题后测验的信度；高于现在说明这道题较弱</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="150" />
        <source>Negative discrimination: check the key</source>
        <translation>区分度为负：请检查答案</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="152" />
        <source>Too few attempts answered this item for statistics</source>
        <translation>作答这道题的人数太少，无法统计</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="154" />
        <source>The quiz would be more reliable without this item</source>
        <translation>删除这道题后测验会更可靠</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前登录：%1（%2）</translation>
    </message>
    <message>
        <source>That is not this account's password.</source>
        <translation>这不是此账户的密码。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="39" />
        <source>cs_trainer — customer service recruitment and training</source>
        <translation>cs_trainer — 客服招聘与培训</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="61" />
        <source>Candidates</source>
        <translation>候选人</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="62" />
        <source>Interviews</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="63" />
        <source>Role-plays</source>
        <translation>角色扮演</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="64" />
        <source>Quizzes</source>
        <translation>知识测验</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="65" />
        <source>Progress</source>
        <translation>学习进度</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="66" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="67" />
        <source>Staff</source>
        <translation>员工考核</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="68" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="201" />
        <source>%1 did not finish the self-test (%2 of %3 answered). Resume it now?</source>
        <translation>%1 的服务潜能测试尚未完成（已答 %2 / %3 题）。现在继续吗？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="207" />
        <source>Unfinished self-test</source>
        <translation>未完成的测试</translation>
    </message>
</context>
<context>
    <name>NewCohortDialog</name>
    <message>
        <location filename="../ui/cohort_widgets.py" line="162" />
        <source>New cohort</source>
        <translation>新建班级</translation>
    </message>
    <message>
        <location filename="../ui/trainer/cohort_widgets.py" line="172" />
        <source>Rename cohort</source>
        <translation>重命名班级</translation>
    </message>
    <message>
        <location filename="../ui/cohort_widgets.py" line="164" />
        <source>e.g. New staff, November</source>
        <translation>例如：11月新员工班</translation>
    </message>
    <message>
        <location filename="../ui/cohort_widgets.py" line="169" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
</context>
<context>
    <name>NewReviewDialog</name>
    <message>
        <location filename="../ui/performance_page.py" line="142" />
        <source>New performance review</source>
        <translation>新建绩效测评</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="153" />
        <source>Start review</source>
        <translation>开始测评</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="164" />
        <source>Staff member</source>
        <translation>被测评人</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="165" />
        <source>&amp;Reviewer</source>
        <translation>测评人(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="166" />
        <source>Review &amp;date</source>
        <translation>测评日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="167" />
        <source>Period &amp;from</source>
        <translation>测评时段起(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="168" />
        <source>Period &amp;to</source>
        <translation>测评时段止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="185" />
        <source>Enter the reviewer's name.</source>
        <translation>请填写测评人姓名。</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="187" />
        <source>The period ends before it starts.</source>
        <translation>所选期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="189" />
        <source>The review date is before the period starts.</source>
        <translation>测评日期早于测评时段的开始日期。</translation>
    </message>
</context>
<context>
    <name>NewTraineeDialog</name>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="100" />
        <source>New trainee</source>
        <translation>新学员</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="109" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
</context>
<context>
    <name>NodeCard</name>
    <message>
        <location filename="../ui/statistics_page.py" line="208" />
        <source>Most trainees choose differently from the best answer here.</source>
        <translation>这里多数学员没有选择最佳回答。</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="215" />
        <source>The customer says</source>
        <translation>客户说</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="217" />
        <source>reached %1×</source>
        <translation>到达 %1 次</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="219" />
        <source>not reached yet</source>
        <translation>尚无人到达</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="221" />
        <source>off the best path</source>
        <translation>不在最佳路径上</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="233" />
        <source>✔ best</source>
        <translation>✔ 最佳</translation>
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
    <name>PerformancePage</name>
    <message>
        <location filename="../ui/performance_page.py" line="418" />
        <source>&amp;Add staff…</source>
        <translation>添加员工(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="423" />
        <source>&amp;New review…</source>
        <translation>新建测评(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="425" />
        <source>Print &amp;blank form…</source>
        <translation>打印空白表(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="429" />
        <source>&lt;b&gt;Staff&lt;/b&gt;</source>
        <translation>&lt;b&gt;员工&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="432" />
        <source>&lt;b&gt;Performance reviews&lt;/b&gt;</source>
        <translation>&lt;b&gt;绩效测评&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="447" />
        <source>&amp;Finish review</source>
        <translation>完成测评(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="449" />
        <source>&amp;Save PDF…</source>
        <translation>存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="462" />
        <source>Choose a staff member, then open one of their reviews or start a new one.</source>
        <translation>请选择一位员工，然后打开其已有的测评，或新建一次测评。</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="520" />
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="520" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="559" />
        <source>&lt;b&gt;%1&lt;/b&gt; · Reviewer: %2 · Review date: %3 · Period: %4 to %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 测评人：%2 · 测评日期：%3 · 测评时段：%4 至 %5</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="571" />
        <source>Finished: all %1 items rated.</source>
        <translation>已完成：%1 项全部评分。</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="574" />
        <source>%1 of %2 items rated</source>
        <translation>已评 %1 / %2 项</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="664" />
        <source>Save performance review</source>
        <translation>保存绩效测评表</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="669" />
        <source>Writing the performance review…</source>
        <translation>正在生成绩效测评表…</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="676" />
        <source>Performance evaluation form</source>
        <translation>工作绩效测评表</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="677" />
        <source>Save blank form</source>
        <translation>保存空白表</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="682" />
        <source>Writing the blank form…</source>
        <translation>正在生成空白表…</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="688" />
        <source>Saved %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="697" />
        <source>Finish the review</source>
        <translation>完成测评</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="698" />
        <source>Finish this review? Its ratings and comments can no longer be changed afterwards, so the printed form matches what is stored.</source>
        <translation>确定完成这次测评吗？完成后评分和评语不能再修改，以保证打印的表格与保存的记录一致。</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="714" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../ui/plans_page.py" line="52" />
        <source>&amp;New plan</source>
        <translation>新建方案(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="54" />
        <source>&amp;Import bank…</source>
        <translation>导入题库(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="55" />
        <source>E&amp;xport bank…</source>
        <translation>导出题库(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="59" />
        <source>&lt;b&gt;Interview plans&lt;/b&gt;</source>
        <translation>&lt;b&gt;面试方案&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="80" />
        <source>e.g. customer service specialist</source>
        <translation>例如：客服专员</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="84" />
        <source>Questions (tick to include)</source>
        <translation>问题（勾选即纳入方案）</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="90" />
        <source>&amp;Save plan</source>
        <translation>保存方案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="93" />
        <source>Plan &amp;name</source>
        <translation>方案名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="94" />
        <source>&amp;Position</source>
        <translation>岗位(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="95" />
        <source>Question &amp;bank</source>
        <translation>题库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="96" />
        <source>Observed tasks and games</source>
        <translation>观察任务与测试游戏</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="97" />
        <source>&amp;Typing passage</source>
        <translation>打字文章(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="116" />
        <source>No typing test</source>
        <translation>不做打字测试</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="178" />
        <source>%1 questions and %2 tasks chosen</source>
        <translation>已选 %1 个问题、%2 个任务</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="253" />
        <source>Importing the question bank…</source>
        <translation>正在导入题库…</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="265" />
        <source>Exporting the question bank…</source>
        <translation>正在导出题库…</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="275" />
        <source>Import question bank</source>
        <translation>导入题库</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="277" />
        <source>Question banks (*.yaml *.yml *.csv *.xlsx)</source>
        <translation>题库 (*.yaml *.yml *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="286" />
        <source>Export question bank</source>
        <translation>导出题库</translation>
    </message>
    <message>
        <location filename="../ui/plans_page.py" line="288" />
        <source>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</translation>
    </message>
</context>
<context>
    <name>PlayScreen</name>
    <message>
        <location filename="../ui/roleplay_page.py" line="145" />
        <source>&lt;b&gt;The scene&lt;/b&gt;  %1</source>
        <translation>&lt;b&gt;场景&lt;/b&gt;  %1</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_page.py" line="148" />
        <source>Welcome back: your %1 earlier answers are kept.</source>
        <translation>欢迎回来：你之前的 %1 个回答都已保存。</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_page.py" line="155" />
        <source>What do you say? Click an answer or press 1–%1.</source>
        <translation>你会怎么说？点击一个回答，或按 1–%1 键。</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>The newest backup of each calendar month.</source>
        <translation>每个自然月的最新备份。</translation>
    </message>
    <message>
        <source>Keep &amp;monthly backups for</source>
        <translation>每月备份保留(&amp;M)</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <source>The newest backup of each week (Monday to Sunday).</source>
        <translation>每周（周一至周日）的最新备份。</translation>
    </message>
    <message>
        <source>Keep &amp;weekly backups for</source>
        <translation>每周备份保留(&amp;W)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Backups are made on start when the data changed, before every migration, restore and erasure, and with Data → Back up now. Every backup of the last 24 hours is kept, then the newest of each of this many days, weeks and months.</source>
        <translation>数据有变化时，启动时会自动备份；每次升级数据库、恢复和删除个人数据之前，以及“数据 → 立即备份”时也会备份。最近 24 小时内的备份全部保留，此外保留以下天数、周数和月数中每一天、每一周、每一月的最新备份。</translation>
    </message>
    <message>
        <source>Keep &amp;daily backups for</source>
        <translation>每日备份保留(&amp;D)</translation>
    </message>
    <message>
        <source>Counted from the latest hiring decision, or from a withdrawal of consent if later; then the candidate is due for erasure. The consent notice candidates agree to names this period: changing it changes the notice's version for candidates registered from now on.</source>
        <translation>自最近一次招聘决定起计算；如候选人撤回同意的时间更晚，则自撤回时起计算；期满后该候选人的资料应予删除。候选人同意的告知书写明了这一期限：更改后，此后登记的候选人将看到新版本的告知书。</translation>
    </message>
    <message>
        <source>&amp;Keep candidates' data for</source>
        <translation>候选人资料保存期限(&amp;K)</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Lock when idle after</source>
        <translation>空闲多久后锁定(&amp;L)</translation>
    </message>
    <message>
        <source>With no key press or mouse movement for this long, the window locks and asks for the password of the account signed in.</source>
        <translation>在这段时间内没有按键或鼠标移动，窗口即锁定，须输入当前登录账户的密码。</translation>
    </message>
    <message>
        <source>What a candidate sees when they finish a self-test or typing test. Interviewers' notes are never shown; HR see everything on the candidate's record.</source>
        <translation>候选人完成服务潜能测试或打字测试后能看到的内容。面试官的备注从不显示；人事可在候选人档案中查看全部结果。</translation>
    </message>
    <message>
        <source>Their scores and the verdict (band, passed)</source>
        <translation>本人的分数和结论（档次、是否通过）</translation>
    </message>
    <message>
        <source>Their scores</source>
        <translation>本人的分数</translation>
    </message>
    <message>
        <source>Results shown to &amp;candidates</source>
        <translation>向候选人显示的结果(&amp;C)</translation>
    </message>
    <message>
        <source>Nothing: a thank-you only</source>
        <translation>不显示：只显示致谢</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="89" />
        <source>&amp;Organisation name</source>
        <translation>单位名称(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="90" />
        <source>Printed at the top of every sheet and form.</source>
        <translation>印在每张评估表、测评表和考核表的顶部。</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="97" />
        <source>Typing test &amp;pass mark</source>
        <translation>打字测试合格线(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="98" />
        <source>Correct characters a minute needed to pass. Tests already taken keep their pass mark.</source>
        <translation>合格所需的每分钟正确字数。已完成的测试保留当时的合格线。</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="105" />
        <source> characters per minute</source>
        <translation> 字/分钟</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="111" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="112" />
        <source>The window reopens in the new language when saved.</source>
        <translation>保存后，窗口会以新语言重新打开。</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="114" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="123" />
        <source>&amp;Interviewer on this computer</source>
        <translation>本机面试官(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="124" />
        <source>Your name, suggested as who conducts tests.</source>
        <translation>你的姓名，默认作为测试主持人。</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="130" />
        <source>Role-play &amp;feedback</source>
        <translation>角色扮演反馈(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="131" />
        <source>When a trainee is told how good a choice was.</source>
        <translation>何时告诉学员所做选择的好坏。</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="133" />
        <source>After each choice</source>
        <translation>每次选择后</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="134" />
        <source>Only at the end</source>
        <translation>只在结束时</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="141" />
        <source>Open a PDF &amp;after saving it</source>
        <translation>保存 PDF 后打开(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="142" />
        <source>In this computer's PDF viewer, ready to check.</source>
        <translation>用本机的 PDF 阅读器打开，方便核对。</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="148" />
        <source>PDF fol&amp;der</source>
        <translation>PDF 文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/settings/preferences.py" line="149" />
        <source>Where saving a PDF starts; it follows the folder last saved in. Empty: your home folder.</source>
        <translation>保存 PDF 时先打开的文件夹，会跟随上次保存的位置；留空则为个人主文件夹。</translation>
    </message>
</context>
<context>
    <name>ProblemsBanner</name>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="72" />
        <source>&lt;b&gt;Some scenario files have mistakes and were skipped&lt;/b&gt; (the others work). Fix these lines, then restart:</source>
        <translation>&lt;b&gt;有些情景文件有错误，已被跳过&lt;/b&gt;（其他文件照常可用）。请改正以下各行，然后重新启动：</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../ui/progress_page.py" line="577" />
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="578" />
        <source>Cohort</source>
        <translation>班级</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="579" />
        <source>&lt;h2&gt;Progress&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;学习进度&lt;/h2&gt;</translation>
    </message>
</context>
<context>
    <name>ProgressSection</name>
    <message>
        <location filename="../ui/trainer_pages.py" line="28" />
        <source>E&amp;xport cohort score sheets…</source>
        <translation>导出班级成绩单(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>QuestionPanel</name>
    <message>
        <location filename="../ui/interview_panels.py" line="227" />
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="235" />
        <source>&lt;b&gt;Purpose:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;目的：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="238" />
        <source>&lt;b&gt;Good signs&lt;/b&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;b&gt;Warning signs&lt;/b&gt;&lt;ul&gt;%2&lt;/ul&gt;</source>
        <translation>&lt;b&gt;积极信号&lt;/b&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;b&gt;警示信号&lt;/b&gt;&lt;ul&gt;%2&lt;/ul&gt;</translation>
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
    <name>QuestionView</name>
    <message>
        <location filename="../ui/quiz_page.py" line="236" />
        <source>Keys 1–%1 choose an option, Enter goes on, ← and → move between items.</source>
        <translation>按数字键1–%1选择选项，按回车继续，按←和→在题目之间移动。</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="250" />
        <source>Multiple choice: choose every correct answer. The point needs all of them and nothing else.</source>
        <translation>多选题：选出所有正确答案。全部选对、没有多选才得分。</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="254" />
        <source>True or false: choose one.</source>
        <translation>判断题：判断正确或错误。</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="255" />
        <source>Single choice: choose the one correct answer.</source>
        <translation>单选题：选出唯一正确的答案。</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <location filename="../ui/quiz_page.py" line="455" />
        <source>Leave the quiz</source>
        <translation>退出测验</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="456" />
        <source>← Back</source>
        <translation>← 上一题</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="457" />
        <source>Next →</source>
        <translation>下一题 →</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="458" />
        <source>Finish</source>
        <translation>交卷</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="459" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="495" />
        <source>Knowledge quiz · %1</source>
        <translation>知识测验 · %1</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="497" />
        <source>Paper No. %1</source>
        <translation>试卷编号 %1</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="557" />
        <source>Leave the quiz?</source>
        <translation>退出测验？</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="558" />
        <source>The answers given so far are saved. The quiz can be resumed later.</source>
        <translation>已作答的答案都已保存，之后可以继续这次测验。</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="610" />
        <source>%1 not answered yet: Enter goes to the first.</source>
        <translation>还有%1题未答：按回车跳到第一道未答题。</translation>
    </message>
</context>
<context>
    <name>QuizResultView</name>
    <message>
        <location filename="../ui/quiz_page.py" line="324" />
        <source>Answers and explanations</source>
        <translation>答案与解析</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="346" />
        <source>%1 of %2 correct</source>
        <translation>共%2题，答对%1题</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="373" />
        <source>Correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="373" />
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="375" />
        <source>Your answer:</source>
        <translation>你的答案：</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="375" />
        <source>Correct answer:</source>
        <translation>正确答案：</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="375" />
        <source>Why:</source>
        <translation>解析：</translation>
    </message>
</context>
<context>
    <name>QuizSetupDialog</name>
    <message>
        <location filename="../ui/quiz_page.py" line="70" />
        <source>Start a knowledge quiz</source>
        <translation>开始知识测验</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="75" />
        <source>%1 (%2 items)</source>
        <translation>%1（%2题）</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="85" />
        <source>New paper</source>
        <translation>新试卷</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="88" />
        <source>To give an earlier paper again, enter its number with the same categories and number of items.</source>
        <translation>要再次使用以前的试卷，请输入它的编号，并选择相同的类别和题数。</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="95" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="105" />
        <source>Knowledge quiz for %1. The items are drawn at random from the ticked categories, spread evenly between them.</source>
        <translation>为%1开始知识测验。题目从勾选的类别中随机抽取，并尽量平均分配到各个类别。</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="115" />
        <source>Leave the paper number at “New paper” for a fresh draw. The number is shown on the quiz; the same number, categories and number of items give the same paper again.</source>
        <translation>试卷编号保持为“新试卷”即重新抽题。编号会显示在测验页面上；相同的编号、类别和题数会再次得到同一份试卷。</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="123" />
        <source>Number of &amp;items</source>
        <translation>题数(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/quiz_page.py" line="124" />
        <source>&amp;Paper number</source>
        <translation>试卷编号(&amp;P)</translation>
    </message>
</context>
<context>
    <name>QuizzesSection</name>
    <message>
        <location filename="../ui/quizzes_section.py" line="38" />
        <source>&amp;Start a quiz…</source>
        <translation>开始测验(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/quizzes_section.py" line="43" />
        <source>Trainee:</source>
        <translation>学员：</translation>
    </message>
    <message>
        <location filename="../ui/quizzes_section.py" line="48" />
        <source>&lt;h2&gt;Knowledge quizzes&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;知识测验&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../ui/quizzes_section.py" line="51" />
        <source>Items are drawn from the department's knowledge bank (service value, complaints, standards, customer types, channels, qualities). Double-click an unfinished quiz to carry on.</source>
        <translation>题目从部门的知识题库中抽取（服务价值、投诉处理、服务标准、客户类型、沟通渠道、服务素质）。双击未完成的测验可以接着做。</translation>
    </message>
    <message>
        <location filename="../ui/quizzes_section.py" line="80" />
        <source>No trainees yet: add one on the Role-plays page.</source>
        <translation>还没有学员：请在“角色扮演”页面添加。</translation>
    </message>
    <message>
        <location filename="../ui/quizzes_section.py" line="84" />
        <source>%1 · Paper No. %2 · unfinished — double-click to resume</source>
        <translation>%1 · 试卷编号 %2 · 未完成 — 双击继续</translation>
    </message>
    <message>
        <location filename="../ui/quizzes_section.py" line="93" />
        <source>%1 · Paper No. %2 · %3 of %4 correct</source>
        <translation>%1 · 试卷编号 %2 · 共%4题，答对%3题</translation>
    </message>
</context>
<context>
    <name>ReceptionEntryModel</name>
    <message>
        <location filename="../ui/reception_page.py" line="122" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="123" />
        <source>Item</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="124" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="125" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="126" />
        <source>Running total</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="127" />
        <source>Assessor</source>
        <translation>考核人</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../ui/reception_page.py" line="389" />
        <source>Add &amp;staff member…</source>
        <translation>添加员工(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="393" />
        <source>&lt;b&gt;Staff members&lt;/b&gt;</source>
        <translation>&lt;b&gt;员工&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="417" />
        <source>&amp;Period from</source>
        <translation>考核期间(&amp;P)：从</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="421" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="449" />
        <source>Base</source>
        <translation>基础分</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="449" />
        <source>Deductions</source>
        <translation>扣分合计</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="449" />
        <source>Bonuses</source>
        <translation>奖分合计</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="449" />
        <source>Total</source>
        <translation>最终得分</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="463" />
        <source>Add &amp;entry…</source>
        <translation>添加记录(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="464" />
        <source>&amp;Delete entry</source>
        <translation>删除记录(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="465" />
        <source>Save &amp;PDF…</source>
        <translation>存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="534" />
        <source>Entries: %1</source>
        <translation>记录：%1 条</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="539" />
        <source>Choose a staff member, or add one.</source>
        <translation>请选择一位员工，或添加员工。</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="541" />
        <source>The period ends before it starts.</source>
        <translation>所选期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="638" />
        <source>Writing the assessment sheet…</source>
        <translation>正在生成考核表…</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="646" />
        <source>Saved the assessment sheet to %1</source>
        <translation>考核表已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="657" />
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="658" />
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="667" />
        <source>Delete this entry?</source>
        <translation>删除这条记录？</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="668" />
        <source>Delete %1? Only delete an entry that was recorded by mistake.</source>
        <translation>删除 %1？只删除误记的记录。</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="679" />
        <source>Save assessment sheet</source>
        <translation>保存考核表</translation>
    </message>
    <message>
        <location filename="../ui/reception_page.py" line="681" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../ui/result_view.py" line="68" />
        <source>%1 / %2 points</source>
        <translation>%1 / %2 分</translation>
    </message>
    <message>
        <location filename="../ui/result_view.py" line="78" />
        <source>By group of qualities: %1</source>
        <translation>按素质分组：%1</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <location filename="../ui/performance_page.py" line="327" />
        <source>Overall comment on the whole period</source>
        <translation>对整个测评时段的总体评价</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="335" />
        <source>Overall evaluation</source>
        <translation>总体评价</translation>
    </message>
    <message>
        <location filename="../ui/performance_page.py" line="343" />
        <source>%1&lt;br/&gt;&lt;b&gt;Scale:&lt;/b&gt; %2</source>
        <translation>%1&lt;br/&gt;&lt;b&gt;评分标准：&lt;/b&gt;%2</translation>
    </message>
</context>
<context>
    <name>RoleplayCataloguePage</name>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="152" />
        <source>&lt;h2&gt;Role-play practice&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;角色扮演练习&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="155" />
        <source>Choose a customer to talk to. Every answer is saved as you go, so you can stop at any time and carry on later.</source>
        <translation>选一位客户开始对话。每个回答都会随时保存，你可以随时停下，以后接着练。</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="180" />
        <source>&amp;New trainee…</source>
        <translation>新学员(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="182" />
        <source>&amp;Trainee:</source>
        <translation>学员(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="193" />
        <source>All customer types</source>
        <translation>全部客户类型</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="199" />
        <source>All skills</source>
        <translation>全部技能</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="203" />
        <source>Any difficulty</source>
        <translation>任意难度</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="236" />
        <source>&amp;Resume where I stopped</source>
        <translation>从上次停下的地方继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="237" />
        <source>&amp;Play</source>
        <translation>开始练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="325" />
        <source>%1 of %2 scenarios</source>
        <translation>%1 / %2 个情景</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="338" />
        <source>&lt;b&gt;You will practise:&lt;/b&gt;</source>
        <translation>&lt;b&gt;练习目标：&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="340" />
        <source>&lt;span style='color:#666'&gt;Skills scored: %1&lt;/span&gt;</source>
        <translation>&lt;span style='color:#666'&gt;评分技能：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="345" />
        <source>No scenarios are installed yet.</source>
        <translation>还没有安装任何情景。</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue.py" line="346" />
        <source>No scenario matches these filters.</source>
        <translation>没有符合筛选条件的情景。</translation>
    </message>
</context>
<context>
    <name>RoleplayEndView</name>
    <message>
        <location filename="../ui/roleplay_end.py" line="269" />
        <source>The customer: "%1"</source>
        <translation>客户：“%1”</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="274" />
        <source>Your path beside the best path</source>
        <translation>你的对话路径与最佳路径对照</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="277" />
        <source>Feedback on your answers</source>
        <translation>每个回答的反馈</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="282" />
        <source>&lt;b&gt;%1&lt;/b&gt; of %2 possible points · patience at the end %3 / 100</source>
        <translation>得分 &lt;b&gt;%1&lt;/b&gt;，满分 %2 · 结束时耐心 %3 / 100</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="288" />
        <source>You found the best path!</source>
        <translation>你找到了最佳路径！</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="296" />
        <source>Your skills in this conversation</source>
        <translation>本次对话中的技能表现</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="299" />
        <source>What to practise next</source>
        <translation>下一步练什么</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="326" />
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="340" />
        <source>What you said</source>
        <translation>你说的</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="340" />
        <source>The best path</source>
        <translation>最佳路径</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="344" />
        <source>Your answer differs here</source>
        <translation>你在这一步的回答与最佳路径不同</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="355" />
        <source>(the conversation had ended)</source>
        <translation>（对话已结束）</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="373" />
        <source>&lt;i&gt;Principle:&lt;/i&gt; %1</source>
        <translation>&lt;i&gt;原则：&lt;/i&gt;%1</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="383" />
        <source>You lost most points on: &lt;b&gt;%1&lt;/b&gt;. These scenarios train it:</source>
        <translation>你失分最多的是：&lt;b&gt;%1&lt;/b&gt;。下面的情景可以专门练习：</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="386" />
        <source>You lost most points on: &lt;b&gt;%1&lt;/b&gt;. Play this one again and try another answer where your path differs.</source>
        <translation>你失分最多的是：&lt;b&gt;%1&lt;/b&gt;。再练一次这个情景，在与最佳路径不同的地方换一种回答。</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="390" />
        <source>You lost no points. Ready for the next customer?</source>
        <translation>你一分没丢。准备好接待下一位客户了吗？</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_end.py" line="392" />
        <source>You lost no points. Well done!</source>
        <translation>你一分没丢，做得好！</translation>
    </message>
</context>
<context>
    <name>RoleplayPage</name>
    <message>
        <location filename="../ui/roleplay_page.py" line="200" />
        <source>Customer's patience</source>
        <translation>客户的耐心</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_page.py" line="232" />
        <source>&amp;Leave (your answers are saved)</source>
        <translation>离开（回答已保存）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_page.py" line="233" />
        <source>&amp;Continue  ⏎</source>
        <translation>继续(&amp;C)  ⏎</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_page.py" line="234" />
        <source>&amp;Retry this customer</source>
        <translation>再练一次(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_page.py" line="235" />
        <source>&amp;Back to the catalogue</source>
        <translation>返回情景列表(&amp;B)</translation>
    </message>
</context>
<context>
    <name>ScenarioTableModel</name>
    <message>
        <location filename="../ui/roleplay_catalogue_model.py" line="59" />
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue_model.py" line="60" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue_model.py" line="61" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue_model.py" line="62" />
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue_model.py" line="63" />
        <source>Your best</source>
        <translation>最好成绩</translation>
    </message>
    <message>
        <location filename="../ui/roleplay_catalogue_model.py" line="135" />
        <source>%1 · unfinished</source>
        <translation>%1 · 未完成</translation>
    </message>
</context>
<context>
    <name>SelfTestPage</name>
    <message>
        <source>The answers given so far are saved. The test can be resumed later from the candidate's record.</source>
        <translation>已答的题目都已保存，之后可在候选人档案中继续测试。</translation>
    </message>
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
        <location filename="../ui/selftest_page.py" line="314" />
        <source>Answer every pair to finish.</source>
        <translation>回答完所有题目才能完成。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Kept in the database; only an administrator changes these.</source>
        <translation>保存在数据库中；只有管理员可以更改。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_page.py" line="53" />
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_page.py" line="107" />
        <source>Whole department</source>
        <translation>整个部门</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_page.py" line="108" />
        <source>Kept in the database: every computer that uses it shares these.</source>
        <translation>保存在数据库中：使用这个数据库的每台电脑共用这些设置。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_page.py" line="111" />
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_page.py" line="111" />
        <source>Kept for you on this computer.</source>
        <translation>只为你保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_page.py" line="113" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_page.py" line="120" />
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;设置&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_page.py" line="77" />
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
    <name>SkillBars</name>
    <message>
        <location filename="../ui/progress_page.py" line="173" />
        <source>not practised yet</source>
        <translation>尚未练习</translation>
    </message>
</context>
<context>
    <name>SpeechBubble</name>
    <message>
        <location filename="../ui/roleplay_page.py" line="104" />
        <source>The customer · &lt;span style='color:%1; font-weight:bold'&gt;%2&lt;/span&gt;</source>
        <translation>客户 · &lt;span style='color:%1; font-weight:bold'&gt;%2&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <location filename="../ui/trainer_pages.py" line="50" />
        <source>Performance evaluation</source>
        <translation>工作绩效测评</translation>
    </message>
    <message>
        <location filename="../ui/trainer_pages.py" line="51" />
        <source>Reception assessment</source>
        <translation>前台接待考核</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="82" />
        <source>Change stage</source>
        <translation>变更招聘阶段</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="83" />
        <source>%1 is at stage “%2”.</source>
        <translation>%1 目前处于“%2”阶段。</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="91" />
        <source>Reopen the case</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="96" />
        <source>&amp;Move to</source>
        <translation>变更为(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="97" />
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="98" />
        <source>&amp;By</source>
        <translation>经办人(&amp;B)</translation>
    </message>
</context>
<context>
    <name>StartInterviewDialog</name>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="161" />
        <source>Start an interview</source>
        <translation>开始面试</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="163" />
        <source>Interview %1 with a saved plan. Every interviewer rates separately; each rating is kept with their name.</source>
        <translation>用已保存的方案面试 %1。每位面试官分别评分，每个评分都会记录评分人。</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="173" />
        <source>&amp;Plan</source>
        <translation>方案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/pipeline_dialogs.py" line="174" />
        <source>&amp;Interviewer</source>
        <translation>面试官(&amp;I)</translation>
    </message>
</context>
<context>
    <name>StartSelfTestDialog</name>
    <message>
        <source>Start “%1” for %2. After you press Start, hand the laptop over: only the test is shown, full screen. Leaving it, and going on after the candidate's thank-you screen, needs an HR interviewer's or an administrator's password.</source>
        <translation>为 %2 开始“%1”。按“开始”后，请把电脑交给候选人：屏幕上全屏只显示测试。退出测试、以及在候选人的致谢页面之后继续操作，都需要人事面试官或管理员的密码。</translation>
    </message>
    <message>
        <source>Conducted by</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../ui/selftest_dialogs.py" line="48" />
        <source>Start the self-test</source>
        <translation>开始服务潜能测试</translation>
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
    <name>StatisticsPage</name>
    <message>
        <location filename="../ui/statistics_page.py" line="290" />
        <source>&amp;Cohort:</source>
        <translation>班级(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="293" />
        <source>&lt;h2&gt;Statistics&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;统计&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="298" />
        <source>Quiz items</source>
        <translation>测验题目</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="299" />
        <source>Role-play choices</source>
        <translation>角色扮演选择</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="308" />
        <source>&amp;Quiz:</source>
        <translation>测验(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="318" />
        <source>Rows in red have a negative discrimination: check their answer key.</source>
        <translation>红色的行区分度为负：请检查其答案。</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="355" />
        <source>&amp;Scenario:</source>
        <translation>情景(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="385" />
        <source>All trainees</source>
        <translation>全部学员</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="414" />
        <source>Computing item statistics…</source>
        <translation>正在计算题目统计…</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="428" />
        <source>Counting role-play choices…</source>
        <translation>正在统计角色扮演选择…</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="468" />
        <source>Too few attempts (%1 of %2 needed) for reliable statistics: the numbers appear once enough trainees have finished this quiz.</source>
        <translation>测验次数太少（已有 %1 次，需要 %2 次），统计结果不可靠：足够多的学员完成这份测验后，这里会显示数据。</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="478" />
        <source>No quiz has been finished yet.</source>
        <translation>还没有人完成测验。</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="479" />
        <source>Finished attempts: &lt;b&gt;N = %1&lt;/b&gt;</source>
        <translation>已完成：&lt;b&gt;N = %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="483" />
        <source>KR-20: not available (too few shared items or no spread)</source>
        <translation>KR-20：无法计算（共同作答的题目太少或总分没有差异）</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="486" />
        <source>&lt;b&gt;KR-20 = %1&lt;/b&gt; over the %2 items everyone answered</source>
        <translation>&lt;b&gt;KR-20 = %1&lt;/b&gt;（基于所有人都作答的 %2 道题）</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="494" />
        <source>Items answered fewer than %1 times (no numbers yet): %2</source>
        <translation>作答不足 %1 次的题目（暂无数据）：%2</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="499" />
        <source>Items to check: %1</source>
        <translation>待检查题目：%1</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="518" />
        <source>No scenarios are installed.</source>
        <translation>尚未安装任何情景。</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="519" />
        <source>Play-throughs: &lt;b&gt;%1&lt;/b&gt;. The nodes of the best path come first.</source>
        <translation>练习次数：&lt;b&gt;%1&lt;/b&gt;。最佳路径上的节点排在前面。</translation>
    </message>
    <message>
        <location filename="../ui/statistics_page.py" line="523" />
        <source>Not counted: %1 play-throughs of another version of this scenario.</source>
        <translation>未计入：该情景其他版本的 %1 次练习。</translation>
    </message>
</context>
<context>
    <name>Stopwatch</name>
    <message>
        <location filename="../ui/interview_panels.py" line="130" />
        <location filename="../ui/interview_panels.py" line="157" />
        <location filename="../ui/interview_panels.py" line="163" />
        <source>Start timer</source>
        <translation>开始计时</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="131" />
        <source>Reset</source>
        <translation>归零</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="152" />
        <source>Pause timer</source>
        <translation>暂停计时</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../ui/interview_panels.py" line="267" />
        <source>Signs seen (tick what you observe)</source>
        <translation>观察到的表现（看到就勾选）</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="283" />
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="294" />
        <source> · Time limit: %1 minutes</source>
        <translation> · 限时 %1 分钟</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="303" />
        <source>&lt;b&gt;How to stage it&lt;/b&gt;&lt;ol&gt;%1&lt;/ol&gt;</source>
        <translation>&lt;b&gt;如何安排&lt;/b&gt;&lt;ol&gt;%1&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="308" />
        <source>What the candidate did</source>
        <translation>候选人的反应</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="316" />
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../ui/interview_panels.py" line="327" />
        <source>Done (of %1):</source>
        <translation>已完成（共 %1）：</translation>
    </message>
</context>
<context>
    <name>TraineeProgressTab</name>
    <message>
        <location filename="../ui/progress_page.py" line="246" />
        <source>Loading the trainee's progress…</source>
        <translation>正在读取学员进度…</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="255" />
        <source>Weakest situations</source>
        <translation>最薄弱的情境</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="256" />
        <source>Weakest skills</source>
        <translation>最薄弱的技能</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="257" />
        <source>What to practise next</source>
        <translation>下一步练什么</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="261" />
        <source>Every finished attempt</source>
        <translation>每一次完成的练习和测试</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="262" />
        <source>Skills in role-plays</source>
        <translation>角色扮演中的技能</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="274" />
        <source>&amp;Cohort:</source>
        <translation>班级(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="275" />
        <source>&amp;Trainee:</source>
        <translation>学员(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="289" />
        <source>All trainees</source>
        <translation>全部学员</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="291" />
        <source>Not in a cohort</source>
        <translation>未分班</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="332" />
        <source>No role-play finished yet</source>
        <translation>还没有完成的角色扮演</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="338" />
        <source>Every role-play tried is at 100%</source>
        <translation>做过的角色扮演都已达到 100%</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="349" />
        <source>Choose a trainee</source>
        <translation>请选择学员</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="362" />
        <source>best so far %1</source>
        <translation>目前最好 %1</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="364" />
        <source>not tried yet</source>
        <translation>还没做过</translation>
    </message>
    <message>
        <location filename="../ui/progress_page.py" line="366" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../ui/trend_chart.py" line="72" />
        <source>No finished attempts yet</source>
        <translation>还没有完成的练习或测试</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="124" />
        <source>Score (%)</source>
        <translation>得分（%）</translation>
    </message>
</context>
<context>
    <name>TypingResultView</name>
    <message>
        <location filename="../ui/typing_page.py" line="133" />
        <source>%1 characters per minute</source>
        <translation>%1 字/分钟</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="136" />
        <source>Accuracy: %1%</source>
        <translation>准确率：%1%</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="139" />
        <source>Pass mark: %1 characters per minute</source>
        <translation>合格线：%1 字/分钟</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="145" />
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="145" />
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="151" />
        <source>%1 of %2 characters typed correctly in %3 (mistakes: %4).</source>
        <translation>用时 %3，输入 %2 字，其中正确 %1 字（错误 %4 处）。</translation>
    </message>
</context>
<context>
    <name>TypingSetupDialog</name>
    <message>
        <source>Conducted by</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="44" />
        <source>Start the typing test</source>
        <translation>开始打字测试</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="53" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="62" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="62" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="72" />
        <source>Start the typing test for %1. Choose English for English-speaking roles. After you press Start, hand the laptop over.</source>
        <translation>为 %1 开始打字测试。英语岗位请选择英文文章。按“开始”后，请把电脑交给候选人。</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="78" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="79" />
        <source>&amp;Passage</source>
        <translation>文章(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="81" />
        <source>&amp;Conducted by</source>
        <translation>主持人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/typing_setup.py" line="99" />
        <source>%1 characters to type</source>
        <translation>共 %1 字</translation>
    </message>
</context>
<context>
    <name>TypingTestPage</name>
    <message>
        <location filename="../ui/typing_page.py" line="205" />
        <source>Type the passage above into the box below, with your usual input method. Line breaks and spaces do not matter. The clock starts with your first character; press Finish (Ctrl+Enter) when you are done.</source>
        <translation>请用您平时使用的输入法，把上面的文章输入到下面的框中。换行和空格不计。从您输入第一个字起开始计时；输入完毕请按“完成”或 Ctrl+Enter。</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="213" />
        <source>Type here…</source>
        <translation>在此输入…</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="252" />
        <source>%p% of the passage</source>
        <translation>已输入全文的 %p%</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="263" />
        <source>Leave the test</source>
        <translation>退出测试</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="264" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="265" />
        <source>Shortcut: Ctrl+Enter</source>
        <translation>快捷键：Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="290" />
        <source>Typing test · %1</source>
        <translation>打字测试 · %1</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="326" />
        <source>Time %1</source>
        <translation>用时 %1</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="328" />
        <source>%1 characters per minute</source>
        <translation>%1 字/分钟</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="364" />
        <source>Pasting is switched off: please type the passage.</source>
        <translation>已禁止粘贴：请亲自输入文章。</translation>
    </message>
    <message>
        <location filename="../ui/typing_page.py" line="387" />
        <source>What has been typed so far is not saved.</source>
        <translation>目前已输入的内容不会保存。</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>cs_trainer stopped unexpectedly last time. Everything answered before that was saved. The details below help whoever looks after this program.</source>
        <translation>cs_trainer 上次意外停止。在那之前回答的内容都已保存。下面的详细信息可以帮助负责这个程序的人。</translation>
    </message>
    <message>
        <source>The log is in %1</source>
        <translation>日志位于 %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>%1 problems found; nothing was changed.</source>
        <translation>发现 %1 处问题；没有做任何改动。</translation>
    </message>
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
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CandidateModeWindow</name>
    <message>
        <source>cs_trainer — candidate test</source>
        <translation>cs_trainer — 候选人测试</translation>
    </message>
    <message>
        <source>No staff account exists yet, so leaving candidate mode needs no password. Once the first administrator is added, it will. Leave candidate mode now?</source>
        <translation>还没有任何工作人员账户，所以退出候选人模式暂不需要密码；添加第一个管理员后就需要了。现在退出候选人模式吗？</translation>
    </message>
    <message>
        <source>Leave candidate mode?</source>
        <translation>退出候选人模式？</translation>
    </message>
</context>
<context>
    <name>StaffCheckDialog</name>
    <message>
        <source>Type your sign-in name and password.</source>
        <translation>请输入登录名和密码。</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>仅限工作人员</translation>
    </message>
    <message>
        <source>Sign-in &amp;name</source>
        <translation>登录名(&amp;N)</translation>
    </message>
    <message>
        <source>Leave candidate mode</source>
        <translation>退出候选人模式</translation>
    </message>
    <message>
        <source>&lt;b&gt;For staff:&lt;/b&gt; an HR interviewer or an administrator signs in to leave candidate mode.</source>
        <translation>&lt;b&gt;仅限工作人员：&lt;/b&gt;须由人事面试官或管理员登录，才能退出候选人模式。</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ThankYouScreen</name>
    <message>
        <source>You have finished the typing test. Please hand the laptop back to the interviewer.</source>
        <translation>您已完成打字测试，请把电脑交还给面试官。</translation>
    </message>
    <message>
        <source>You have finished the self-test. Please hand the laptop back to the interviewer.</source>
        <translation>您已完成服务潜能测试，请把电脑交还给面试官。</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>谢谢！</translation>
    </message>
    <message>
        <source>For staff: continue…</source>
        <translation>工作人员：继续…</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Signs in with</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>&amp;Display name</source>
        <translation>显示名(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sign-in name</source>
        <translation>登录名(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Trainee record</source>
        <translation>学员档案(&amp;T)</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 到 8 位数字</translation>
    </message>
    <message>
        <source>A new trainee record</source>
        <translation>新建学员档案</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Give the account a password (a trainee: a password or a PIN).</source>
        <translation>请为账户设置密码（学员可设密码或 PIN）。</translation>
    </message>
    <message>
        <source>P&amp;IN (trainees)</source>
        <translation>PIN（学员）(&amp;I)</translation>
    </message>
    <message>
        <source>Re&amp;peat password</source>
        <translation>再次输入密码(&amp;P)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>no spaces, e.g. wang.li</source>
        <translation>不含空格，例如 wang.li</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>%1 rows exported to %2.</source>
        <translation>已将 %1 行导出到 %2。</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Older ›</source>
        <translation>更早(&amp;O) ›</translation>
    </message>
    <message>
        <source>&amp;Verify the trail</source>
        <translation>校验审计记录(&amp;V)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Audit trail&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;审计记录&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行校验…</translation>
    </message>
    <message>
        <source>Every change of a rating, note, decision, stage, personal detail, account or setting, with who made it. Rows cannot be changed or deleted; Verify checks that none was.</source>
        <translation>评分、备注、决定、阶段、个人信息、账户和设置的每一次更改及其操作人。记录不能修改或删除；“校验”可检查是否有记录被改动。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Exporting the audit trail…</source>
        <translation>正在导出审计记录…</translation>
    </message>
    <message>
        <source>The trail is broken: %1</source>
        <translation>审计记录已损坏：%1</translation>
    </message>
    <message>
        <source>The trail is intact: %1 rows checked.</source>
        <translation>审计记录完好：已校验 %1 行。</translation>
    </message>
    <message>
        <source>rows %1 of %2</source>
        <translation>第 %1 行，共 %2 行</translation>
    </message>
    <message>
        <source>‹ &amp;Newer</source>
        <translation>‹ 更新(&amp;N)</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>backup %1</source>
        <translation>备份 %1</translation>
    </message>
    <message>
        <source>data restored from a backup</source>
        <translation>从备份恢复了数据</translation>
    </message>
    <message>
        <source>typing pass mark changed</source>
        <translation>更改打字及格线</translation>
    </message>
    <message>
        <source>typing test recorded</source>
        <translation>记录打字测试</translation>
    </message>
    <message>
        <source>stage changed</source>
        <translation>变更阶段</translation>
    </message>
    <message>
        <source>setting changed</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <source>setting %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <source>self-test finished</source>
        <translation>服务潜能测试完成</translation>
    </message>
    <message>
        <source>self-test answer</source>
        <translation>服务潜能测试作答</translation>
    </message>
    <message>
        <source>role-play finished</source>
        <translation>角色扮演完成</translation>
    </message>
    <message>
        <source>reception entry deleted</source>
        <translation>删除接待考核记录</translation>
    </message>
    <message>
        <source>reception entry added</source>
        <translation>添加接待考核记录</translation>
    </message>
    <message>
        <source>reception entry #%1</source>
        <translation>接待考核记录 #%1</translation>
    </message>
    <message>
        <source>quiz finished</source>
        <translation>知识测验完成</translation>
    </message>
    <message>
        <source>question bank imported</source>
        <translation>导入题库</translation>
    </message>
    <message>
        <source>plan #%1</source>
        <translation>面试方案 #%1</translation>
    </message>
    <message>
        <source>person #%1</source>
        <translation>人员 #%1</translation>
    </message>
    <message>
        <source>performance review finished</source>
        <translation>绩效评估完成</translation>
    </message>
    <message>
        <source>performance rating or comment</source>
        <translation>绩效评分或评语</translation>
    </message>
    <message>
        <source>paper self-test entered</source>
        <translation>录入纸质服务潜能测试</translation>
    </message>
    <message>
        <source>interview rating or note</source>
        <translation>面试评分或备注</translation>
    </message>
    <message>
        <source>interview plan saved</source>
        <translation>保存面试方案</translation>
    </message>
    <message>
        <source>interview finished</source>
        <translation>面试结束</translation>
    </message>
    <message>
        <source>decision recorded</source>
        <translation>记录录用决定</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>candidate's details corrected</source>
        <translation>更正应聘者信息</translation>
    </message>
    <message>
        <source>candidate's data erased</source>
        <translation>删除应聘者资料</translation>
    </message>
    <message>
        <source>candidate registered</source>
        <translation>登记应聘者</translation>
    </message>
    <message>
        <source>candidate #%1</source>
        <translation>应聘者 #%1</translation>
    </message>
    <message>
        <source>bank %1</source>
        <translation>题库 %1</translation>
    </message>
    <message>
        <source>attempt #%1</source>
        <translation>作答记录 #%1</translation>
    </message>
    <message>
        <source>account #%1</source>
        <translation>账户 #%1</translation>
    </message>
    <message>
        <source>(setting up)</source>
        <translation>（初始设置）</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>之前 → 之后</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>已设置 PIN</translation>
    </message>
    <message>
        <source>account added</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>account enabled</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>&amp;Display name</source>
        <translation>显示名(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sign-in name</source>
        <translation>登录名(&amp;S)</translation>
    </message>
    <message>
        <source>Create the first administrator</source>
        <translation>创建第一个管理员</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the administrator who will add the other accounts. There is no default password: choose one of at least %1 characters and keep it safe.</source>
        <translation>此数据库还没有账户。请创建管理员，由其添加其他账户。没有默认密码：请设置至少 %1 个字符的密码并妥善保管。</translation>
    </message>
    <message>
        <source>no spaces, e.g. wang.li</source>
        <translation>不含空格，例如 wang.li</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Locked&lt;/h2&gt;&lt;p&gt;Signed in as %1 (%2). Type the password to go on.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;已锁定&lt;/h2&gt;&lt;p&gt;当前登录：%1（%2）。请输入密码以继续。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>密码或 PIN</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>&amp;New PIN</source>
        <translation>新 PIN(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>再次输入(&amp;R)</translation>
    </message>
    <message>
        <source>A new PIN for %1.</source>
        <translation>为 %1 设置新 PIN。</translation>
    </message>
    <message>
        <source>A new password for %1.</source>
        <translation>为 %1 设置新密码。</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Do not record health, religion, ethnicity or other sensitive personal data.</source>
        <translation>请勿记录健康、宗教信仰、民族等敏感个人信息。</translation>
    </message>
    <message>
        <source>Recorded under the account signed in.</source>
        <translation>记录在当前登录的账户名下。</translation>
    </message>
    <message>
        <source>You practise as yourself.</source>
        <translation>你以本人身份练习。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>&amp;Password or PIN</source>
        <translation>密码或 PIN(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Sign-in name</source>
        <translation>登录名(&amp;S)</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign in with your account. Trainees may use their PIN.</source>
        <translation>请用你的账户登录。学员可以使用 PIN。</translation>
    </message>
    <message>
        <source>Type your sign-in name and your password or PIN.</source>
        <translation>请输入登录名和密码或 PIN。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>&amp;Add account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Add trainee account…</source>
        <translation>添加学员账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Accounts&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;账户&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Trainee accounts&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;学员账户&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Set &amp;PIN…</source>
        <translation>设置 PIN(&amp;P)…</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>设置 PIN</translation>
    </message>
</context>
<context>
    <name>DuplicatePhoneDialog</name>
    <message>
        <source>The same person may already have a record. Open it to check, or save anyway if this is someone else.</source>
        <translation>同一个人可能已经有记录。请打开核对；如果是另一个人，也可以仍然保存。</translation>
    </message>
    <message>
        <source>&amp;Open the existing record</source>
        <translation>打开已有记录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Register anyway</source>
        <translation>仍然登记(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>仍然保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Phone number already registered</source>
        <translation>电话号码已登记</translation>
    </message>
    <message>
        <source>The same person may already have a record. Open it to check, or register a new record if this is someone else.</source>
        <translation>同一个人可能已经有记录。请打开核对；如果是另一个人，再新建记录。</translation>
    </message>
</context>
<context>
    <name>EditCandidateDialog</name>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Edit candidate details</source>
        <translation>更正应聘者资料</translation>
    </message>
    <message>
        <source>P&amp;osition applied for</source>
        <translation>应聘岗位(&amp;O)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The correction is recorded in the audit trail, with the old values.</source>
        <translation>更正会连同原来的内容记入审计记录。</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人资料</translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>我明白删除后无法恢复</translation>
    </message>
    <message>
        <source>&lt;b&gt;Erase candidate %1's personal data for good?&lt;/b&gt;&lt;br&gt;&lt;br&gt;Erased: the name and phone number; the notes and typed text of %2 answers; the reasons of %3 stage changes and %4 decisions; %5 values quoted by the audit trail.&lt;br&gt;Kept, anonymised, for statistics: the position, the dates, and the scores of %6 tests and interviews.</source>
        <translation>&lt;b&gt;永久删除应聘者 %1 的个人资料？&lt;/b&gt;&lt;br&gt;&lt;br&gt;删除：姓名和电话；%2 条回答的备注和输入的文字；%3 次阶段变更和 %4 个决定的理由；审计记录引用的 %5 项内容。&lt;br&gt;匿名保留、用于统计：应聘岗位、日期，以及 %6 次测评和面试的分数。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Erase the personal data of %1 candidate(s) whose retention period of %2 months has run out?&lt;/b&gt;&lt;br&gt;&lt;br&gt;Erased: names, phone numbers, notes, typed text and reasons, and the values the audit trail quoted. Kept, anonymised, for statistics: positions, dates and scores.</source>
        <translation>&lt;b&gt;删除 %1 位保存期限（%2 个月）已满的应聘者的个人资料？&lt;/b&gt;&lt;br&gt;&lt;br&gt;删除：姓名、电话、备注、输入的文字和理由，以及审计记录引用的内容。匿名保留、用于统计：应聘岗位、日期和分数。</translation>
    </message>
    <message>
        <source>Copies or backups of the database made before the erasure still hold the erased data until they are deleted. cs_trainer makes no automatic backups; delete any copy of the database file that someone made.</source>
        <translation>删除之前复制或备份的数据库仍保留被删除的资料，直到这些副本被删除为止。cs_trainer 不会自动备份；如有人复制过数据库文件，请删除这些副本。</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>&amp;Erase these candidates…</source>
        <translation>删除这些应聘者(&amp;E)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>No candidate is due for erasure.</source>
        <translation>没有应删除的应聘者。</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>应聘岗位</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起算</translation>
    </message>
    <message>
        <source>The consent text promises erasure %1 months after the hiring decision or the withdrawal of consent. These candidates are due:</source>
        <translation>同意书承诺在作出招聘决定或撤回同意 %1 个月后删除资料。以下应聘者已到期：</translation>
    </message>
    <message>
        <source>decision %1</source>
        <translation>%1 作出决定</translation>
    </message>
    <message>
        <source>withdrawal %1</source>
        <translation>%1 撤回同意</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Record that candidate %1 withdraws their consent to the storage of their data?&lt;br&gt;&lt;br&gt;Nothing is erased now. The retention period starts from the withdrawal; erase the data at once with “Erase…” if the candidate asks for it.</source>
        <translation>记录应聘者 %1 撤回其保存个人资料的同意？&lt;br&gt;&lt;br&gt;现在不会删除任何内容。保存期限从撤回之日起算；如果应聘者要求，请用“删除…”立即删除其资料。</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>撤回同意</translation>
    </message>
</context>
<context>
    <name>BackupMenu</name>
    <message>
        <source>Check the database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>The database failed its check (%1 problems). Restore the newest good backup (Data → Restore…). SQLite reports:
%2</source>
        <translation>数据库未通过检查（%1 个问题）。请恢复最新的完好备份（数据 → 恢复…）。SQLite 的报告：
%2</translation>
    </message>
    <message>
        <source>The database passed every check (integrity and references).</source>
        <translation>数据库通过了所有检查（完整性和引用）。</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>The backup was restored. The data it replaced was backed up to %1.</source>
        <translation>备份已恢复。被替换的数据已备份到 %1。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Replace all data in %1 by the backup %2?

The current data is backed up first, so this can be undone by restoring that backup. Everyone signs in again afterwards.</source>
        <translation>用备份 %2 替换 %1 中的全部数据吗？

会先备份当前数据，因此可以通过恢复那个备份来撤销。之后所有人需要重新登录。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>&amp;Check the database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>cs_trainer databases (*.sqlite3);;All files (*)</source>
        <translation>cs_trainer 数据库 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
</context>
<context>
    <name>DamagedFile</name>
    <message>
        <source>The backup %1 was restored. The damaged file was kept as %2.</source>
        <translation>已恢复备份 %1。损坏的文件保留为 %2。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Restore the newest good backup</source>
        <translation>恢复最新的完好备份(&amp;R)</translation>
    </message>
</context>
</TS>
