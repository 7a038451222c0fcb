<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AchPanel</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="88"/>
        <source>Choose a case above to weigh hypotheses against its evidence.</source>
        <translation>上で事案を選ぶと、その証拠に照らして仮説を比較できます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="90"/>
        <source>A hypothesis, e.g. the courier works for ZORIN</source>
        <translation>仮説（例：運び屋は ZORIN のために動いている）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="91"/>
        <source>New hypothesis</source>
        <translation>新しい仮説</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="92"/>
        <source>Add hypothesis</source>
        <translation>仮説を追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="93"/>
        <source>Add the hypothesis to this case (Ctrl+Shift+H)</source>
        <translation>この事案に仮説を追加します（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="96"/>
        <source>Classification of the hypothesis</source>
        <translation>仮説の区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="98"/>
        <source>The hypothesis&apos; classification. Offered as your clearance, the highest you may have drawn on: the case&apos;s highest report level would be lower whenever you know more than the case holds, and a reader cleared below what you drew on must not read it. Lower it only when its words rest on nothing above the level you choose. Never above your clearance.</source>
        <translation>仮説の区分。あなたが依拠し得た最も高い区分として、あなたの資格区分を初期値にしています。事案の報告の最高区分では、あなたが事案以上の情報を知っている場合に低すぎ、依拠した情報より低い資格の閲覧者が読めてしまいます。下げるのは、その文言が選んだ区分より上の情報に一切依拠していない場合だけにしてください。資格区分より上にはできません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="102"/>
        <source>Caveats, e.g. ORCON//REL TO USA</source>
        <translation>付記（例：ORCON//REL TO USA）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="103"/>
        <source>Caveats of the hypothesis</source>
        <translation>仮説の付記</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="105"/>
        <source>Its caveats, separated by //. Offered as every compartment and control of the case&apos;s reports you may read; a compartment only if you hold it.</source>
        <translation>付記を // で区切って入力します。初期値は、あなたが閲覧できる事案の報告に付いたすべてのコンパートメントと配布統制です。コンパートメントは保持しているものに限ります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="107"/>
        <source>Re-mark</source>
        <translation>表示変更</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="109"/>
        <source>Give the current column&apos;s hypothesis the classification and caveats chosen here, after saying why (Ctrl+Shift+M; its author or an officer)</source>
        <translation>現在の列の仮説に、ここで選んだ区分と付記を理由を添えて付け直します（Ctrl+Shift+M。作成者または保全担当官のみ）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="112"/>
        <source>Report</source>
        <translation>報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="113"/>
        <source>Assessment</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="114"/>
        <source>Kind of evidence</source>
        <translation>証拠の種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="115"/>
        <source>Its number, e.g. 12</source>
        <translation>番号（例：12）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="116"/>
        <source>Number of the report or assessment</source>
        <translation>報告または評価の番号</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="117"/>
        <source>Add evidence</source>
        <translation>証拠を追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="118"/>
        <source>Add the report or assessment as evidence (Ctrl+Shift+E)</source>
        <translation>報告または評価を証拠として追加します（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="120"/>
        <source>ACH matrix: evidence by hypothesis; C, I, N rate the cell</source>
        <translation>ACH マトリクス：証拠×仮説。C、I、N でセルを評定</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="121"/>
        <source>Arrow keys move. C consistent, Shift+C very consistent, I inconsistent, Shift+I very inconsistent, N not applicable. Delete withdraws the row&apos;s item, Shift+Delete the column&apos;s hypothesis.</source>
        <translation>矢印キーで移動。C 整合、Shift+C 強く整合、I 不整合、Shift+I 強く不整合、N 該当なし。Delete で行の項目を、Shift+Delete で列の仮説を取り下げます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="129"/>
        <source>Scores</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="132"/>
        <source>Sensitivity: what each item&apos;s absence changes</source>
        <translation>感度分析：各項目を除くと何が変わるか</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="149"/>
        <source>Sensitivity (drop one item):</source>
        <translation>感度分析（1 項目を除く）：</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="224"/>
        <source>%4 H%1
score %2 · rank %3</source>
        <translation>%4 H%1
スコア %2 · 順位 %3</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="229"/>
        <source>Diagnosticity</source>
        <translation>診断力</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="230"/>
        <source>report %1</source>
        <translation>報告 %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="230"/>
        <source>assessment %1</source>
        <translation>評価 %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="243"/>
        <source>0: rated alike against every hypothesis, so it tells them apart not at all</source>
        <translation>0：どの仮説にも同じ評定のため、仮説を区別できません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="249"/>
        <source>%1 Least inconsistent: %2. Scores count I as 1 and II as 2; lower is more likely.</source>
        <translation>%1 最も不整合が少ない仮説：%2。スコアは I を 1、II を 2 と数え、低いほど可能性が高い。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="255"/>
        <source>Without E%1: %2</source>
        <translation>E%1 を除くと：%2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="255"/>
        <source>Without E%1: no rank changes</source>
        <translation>E%1 を除いても順位は変わりません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="276"/>
        <source>Withdraw hypothesis H%1 and its ratings from the matrix?</source>
        <translation>仮説 H%1 とその評定をマトリクスから取り下げますか？</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="279"/>
        <source>Withdraw item E%1 and its ratings from the matrix?</source>
        <translation>項目 E%1 とその評定をマトリクスから取り下げますか？</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="282"/>
        <source>Withdraw</source>
        <translation>取り下げ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="299"/>
        <source>Choose a hypothesis&apos; column in the matrix to re-mark it.</source>
        <translation>表示を変更する仮説の列をマトリクスで選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="304"/>
        <source>Re-mark hypothesis</source>
        <translation>仮説の表示変更</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="305"/>
        <source>Re-mark H%1 from %2 to %3? Why:</source>
        <translation>H%1 の表示を %2 から %3 に変更しますか？ 理由：</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/ach_panel.py" line="331"/>
        <source>Give the report&apos;s or assessment&apos;s number, e.g. 12.</source>
        <translation>報告または評価の番号を入力してください（例：12）。</translation>
    </message>
</context>
<context>
    <name>AddConsumerDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="99"/>
        <source>Add a consumer</source>
        <translation>配布先を追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="102"/>
        <source>Consumer name</source>
        <translation>配布先名</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="104"/>
        <source>e.g. kantei, mofa-iicd</source>
        <translation>例: kantei, mofa-iicd</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="106"/>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="108"/>
        <source>e.g. Prime Minister&apos;s Office</source>
        <translation>例: 内閣総理大臣官邸</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="110"/>
        <source>Age recipient of the consumer&apos;s workstation</source>
        <translation>配布先端末の age 受信者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="111"/>
        <source>age1… (their `nia key recipient`)</source>
        <translation>age1…（先方の `nia key recipient`）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="112"/>
        <source>From file…</source>
        <translation>ファイルから…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="113"/>
        <source>Read the recipient from a file the consumer&apos;s workstation wrote</source>
        <translation>配布先端末が書き出したファイルから受信者を読み込みます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="119"/>
        <source>Receipt signing key file (PEM)</source>
        <translation>受領証の署名鍵ファイル (PEM)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="120"/>
        <source>optional: the PEM public key of the user who signs receipts</source>
        <translation>任意: 受領証に署名するユーザーの PEM 公開鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="121"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="127"/>
        <source>Highest level the consumer may hold</source>
        <translation>配布先が保有できる最高区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="132"/>
        <source>Compartments and controls the consumer may hold</source>
        <translation>配布先が保有できるコンパートメントと配布統制</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="136"/>
        <source>Release list: the partner this consumer is</source>
        <translation>提供先リスト: この配布先に当たるパートナー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="137"/>
        <source>a foreign partner only: its code, e.g. USA</source>
        <translation>外国パートナーのみ: そのコード（例: USA）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="138"/>
        <source>A foreign partner is registered with its release list (REL TO …): it receives only what may be released to it, and nothing marked NOFORN</source>
        <translation>外国パートナーは提供先リスト（REL TO …）とともに登録します。そのパートナーに提供できるものだけを受け取り、NOFORN を付したものは一切受け取りません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="140"/>
        <source>Every copy is encrypted to the recipient. Without a key, receipts from this consumer cannot be checked and its copies stay outstanding in the ledger.</source>
        <translation>写しはすべて受信者向けに暗号化されます。鍵がないと、この配布先からの受領証を検証できず、その写しは配布台帳で受領未確認のままになります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="143"/>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="144"/>
        <source>&amp;Organisation</source>
        <translation>組織(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="145"/>
        <source>&amp;Recipient</source>
        <translation>受信者(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="146"/>
        <source>Receipt &amp;key</source>
        <translation>受領証の鍵(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="147"/>
        <source>May hold &amp;up to</source>
        <translation>保有できる上限(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="148"/>
        <source>&amp;Caveats</source>
        <translation>付記(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="149"/>
        <source>Re&amp;lease list</source>
        <translation>提供先リスト(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="154"/>
        <source>The consumer workstation&apos;s recipient</source>
        <translation>配布先端末の受信者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="163"/>
        <source>The consumer&apos;s receipt signing key</source>
        <translation>配布先の受領証署名鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="164"/>
        <source>PEM public key (*.pem);;All files (*)</source>
        <translation>PEM 公開鍵 (*.pem);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="179"/>
        <source>A consumer name is 2-32 characters: lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter.</source>
        <translation>配布先名は 2〜32 文字で、英小文字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; を使い、英字で始めてください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="182"/>
        <source>Name the consumer&apos;s organisation.</source>
        <translation>配布先の組織名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="184"/>
        <source>Paste the consumer workstation&apos;s age recipient, or read it from a file.</source>
        <translation>配布先端末の age 受信者を貼り付けるか、ファイルから読み込んでください。</translation>
    </message>
</context>
<context>
    <name>AddKeyDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="50"/>
        <source>Trust a public key</source>
        <translation>公開鍵を信頼する</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="55"/>
        <source>Fingerprint to compare</source>
        <translation>照合するフィンガープリント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="57"/>
        <source>Owner&apos;s name</source>
        <translation>所有者の名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="59"/>
        <location filename="../../nia_desktop/ui/views/trust.py" line="68"/>
        <source>Workstation</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="61"/>
        <source>analyst, courier or officer</source>
        <translation>分析官、運搬担当、保安責任者のいずれか</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="62"/>
        <location filename="../../nia_desktop/ui/views/trust.py" line="69"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="63"/>
        <source>I read this fingerprint with the key&apos;s owner over another channel, and it matches</source>
        <translation>別の経路で鍵の所有者とこのフィンガープリントを読み合わせ、一致を確認した</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="65"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="66"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 フィンガープリント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="67"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="74"/>
        <source>Name the key&apos;s owner.</source>
        <translation>鍵の所有者の名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="76"/>
        <source>Compare the fingerprint with its owner first: a key trusted unchecked could be anyone&apos;s.</source>
        <translation>まず所有者とフィンガープリントを照合してください。確認せずに信頼した鍵は誰のものでもあり得ます。</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="33"/>
        <source>Add a user</source>
        <translation>ユーザーを追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="33"/>
        <source>the new user</source>
        <translation>新しいユーザー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="35"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="37"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="38"/>
        <source>Analyst</source>
        <translation>分析官</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="38"/>
        <source>Courier</source>
        <translation>伝送担当</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="39"/>
        <source>Security officer</source>
        <translation>保安責任者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="41"/>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="42"/>
        <source>R&amp;ole</source>
        <translation>役割(&amp;O)</translation>
    </message>
</context>
<context>
    <name>AssessmentsPanel</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="36"/>
        <source>Assessments of this case</source>
        <translation>この事案の評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="39"/>
        <source>The judgement, e.g. the two recruiters work for the same service</source>
        <translation>判断の内容（例: 2 人の勧誘者は同じ機関のために動いている）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="40"/>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="55"/>
        <source>Judgement</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="45"/>
        <source>Likelihood (ICD 203)</source>
        <translation>可能性 (ICD 203)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="49"/>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="57"/>
        <source>Confidence</source>
        <translation>確信度</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="50"/>
        <source>Report numbers it rests on, e.g. 12, 45</source>
        <translation>根拠となるレポート番号（例: 12, 45）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="51"/>
        <source>Reports the judgement rests on</source>
        <translation>判断の根拠となるレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="52"/>
        <source>Add assessment</source>
        <translation>評価を追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="53"/>
        <source>Choose a case above to record assessments on it.</source>
        <translation>評価を記録するには上で事案を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="56"/>
        <source>Likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="58"/>
        <source>Rests on</source>
        <translation>根拠</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="78"/>
        <source>It is %1 (%2 confidence) that %3 — reports %4; %5</source>
        <translation>%3 の可能性は %1（確信度 %2）— 根拠 %4; %5</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="89"/>
        <source>Report numbers are whole numbers, separated by commas.</source>
        <translation>レポート番号は整数をカンマで区切って入力してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/assessments_panel.py" line="95"/>
        <source>Assessment recorded.</source>
        <translation>評価を記録しました。</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="35"/>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="36"/>
        <source>Chain not verified yet in this session.</source>
        <translation>このセッションではまだチェーンを検証していません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="38"/>
        <source>Audit chain status</source>
        <translation>監査チェーンの状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="40"/>
        <source>#</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="41"/>
        <source>Time (UTC)</source>
        <translation>時刻 (UTC)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="42"/>
        <source>Actor</source>
        <translation>実行者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="43"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="44"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="45"/>
        <source>Object</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="46"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="47"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="52"/>
        <source>Audit entries</source>
        <translation>監査エントリ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="53"/>
        <source>Filter: user, action, object…</source>
        <translation>絞り込み: ユーザー、操作、対象…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="54"/>
        <source>Filter audit entries</source>
        <translation>監査エントリを絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="57"/>
        <source>Outcome filter</source>
        <translation>結果で絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="58"/>
        <source>All outcomes</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="59"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="59"/>
        <source>refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="59"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="62"/>
        <source>Verify chain</source>
        <translation>チェーンを検証</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="64"/>
        <source>Recompute the hashes added since the last verification and check the signed heads (Ctrl+Shift+V)</source>
        <translation>前回の検証以降に追加されたハッシュを再計算し、署名済みヘッドを確認します (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="66"/>
        <source>Full verification</source>
        <translation>完全検証</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="67"/>
        <source>Walk every entry from the first, not only those added since the last verification</source>
        <translation>前回の検証以降に追加されたエントリだけでなく、最初のエントリからすべてをたどります</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="71"/>
        <source>Audit time warnings</source>
        <translation>監査の時刻に関する警告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="74"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="75"/>
        <source>Write the log as signed JSON Lines</source>
        <translation>署名付き JSON Lines としてログを書き出します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="76"/>
        <source>Checkpoint…</source>
        <translation>チェックポイント…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="77"/>
        <source>Write a signed checkpoint to keep off this machine</source>
        <translation>この端末の外で保管する署名付きチェックポイントを書き出します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="114"/>
        <source>Verifying…</source>
        <translation>検証中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="124"/>
        <source>Verifying… %1 of %2 entries</source>
        <translation>検証中… %2 件中 %1 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="131"/>
        <source>Verification did not finish.</source>
        <translation>検証は完了しませんでした。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="138"/>
        <source>✔ INTACT: %1 entries, every hash and signed head checks out.</source>
        <translation>✔ 改ざんなし: %1 件。すべてのハッシュと署名済みヘッドが一致しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="141"/>
        <source>Entries 1 to %1 were verified earlier and not walked again; tick Full verification to walk them.</source>
        <translation>エントリ 1〜%1 は以前に検証済みのため、再度たどっていません。これらもたどるには「完全検証」にチェックを入れてください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="146"/>
        <source>at entry %1</source>
        <translation>エントリ %1 で</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="148"/>
        <source>✘ BROKEN %1: %2</source>
        <translation>✘ 破損 %1: %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="160"/>
        <source>… and %1 more.</source>
        <translation>… ほか %1 件。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="161"/>
        <source>⚠ WARNING: %1 entries are dated before the entry they follow:</source>
        <translation>⚠ 警告: %1 件のエントリの日時が、直前のエントリより前になっています:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="171"/>
        <source>Export audit log</source>
        <translation>監査ログを書き出す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="172"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="180"/>
        <source>Exported %1 entries to %2.</source>
        <translation>%1 件を %2 に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="187"/>
        <source>Save audit checkpoint</source>
        <translation>監査チェックポイントを保存</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="188"/>
        <source>Checkpoint (*.json)</source>
        <translation>チェックポイント (*.json)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="199"/>
        <source>Audit checkpoint</source>
        <translation>監査チェックポイント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/audit.py" line="200"/>
        <source>Checkpoint saved. Also write this line down and keep it off this machine (it is on the clipboard too):

%1</source>
        <translation>チェックポイントを保存しました。次の行も書き留め、この端末の外で保管してください（クリップボードにもコピーしました）:

%1</translation>
    </message>
</context>
<context>
    <name>BriefingsView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="83"/>
        <source>Briefings</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="91"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="167"/>
        <source>Case</source>
        <translation>事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="93"/>
        <source>Briefing title</source>
        <translation>ブリーフィングの表題</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="95"/>
        <source>Two or three sentences for the Prime Minister&apos;s Office</source>
        <translation>総理大臣官邸向けに二、三文で</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="96"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="134"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="171"/>
        <source>Summary</source>
        <translation>要旨</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="99"/>
        <source>Reports to include</source>
        <translation>含める報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="101"/>
        <source>Entities to name</source>
        <translation>記載するエンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="103"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="108"/>
        <source>Key judgements</source>
        <translation>主要な判断</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="106"/>
        <source>Reports</source>
        <translation>報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="107"/>
        <source>Entities</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="109"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="411"/>
        <source>Tearline version</source>
        <translation>ティアライン版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="112"/>
        <source>A version for a lower level or without some caveats: it is built only from what the line allows, with its own title and summary, and is reviewed and approved on its own.</source>
        <translation>より低い区分向け、または一部の付記を除いた版です。ラインが許す内容だけから作られ、独自の表題と要約を持ち、単独で審査・承認されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="116"/>
        <source>Highest level of the tearline version</source>
        <translation>ティアライン版の最高区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="121"/>
        <source>Caveats to leave out</source>
        <translation>除外する付記</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="124"/>
        <source>Tearline title</source>
        <translation>ティアライン版の表題</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="126"/>
        <source>Tearline summary</source>
        <translation>ティアライン版の要約</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="127"/>
        <source>The summary for this version: only what its line allows (the full summary is not carried below the line)</source>
        <translation>この版の要約：ラインが許す内容のみ（完全版の要約はラインの下に持ち込まれません）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="131"/>
        <source>Up to</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="132"/>
        <source>Leave out</source>
        <translation>除外</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="135"/>
        <source>Annex the case&apos;s &amp;ACH matrix</source>
        <translation>事案の ACH マトリクスを付録に(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="136"/>
        <source>The analysis of competing hypotheses (Fusion view, Hypotheses tab) as an annex, its items on the included reports alone; never in a tearline version (Alt+A)</source>
        <translation>競合仮説分析（融合ビューの「仮説」タブ）を付録として添付します。項目は収録した報告に基づくものだけで、ティアライン版には含めません（Alt+A）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="139"/>
        <source>Annex the case&apos;s lin&amp;k chart</source>
        <translation>事案のリンクチャートを別添にする(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="140"/>
        <source>The link chart (Fusion view, as you saved it with the case; laid out when none is saved) as an annex: only the entities, links and weights the included reports support. A tearline version&apos;s is laid out from the reports under its line (Alt+K)</source>
        <translation>リンクチャート（統合分析ビューで事案と共に保存したもの。保存がなければ自動配置）を別添にします。含める報告が裏付けるエンティティ、リンク、重みだけを描きます。ティアライン版では、ライン以下の報告から配置し直します（Alt+K）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="147"/>
        <source>Marking of the product</source>
        <translation>成果物の表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="150"/>
        <source>optional: age1… recipients, comma separated</source>
        <translation>任意: age1… の受信者(カンマ区切り)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="151"/>
        <source>Encrypt to recipients</source>
        <translation>受信者向けに暗号化</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="152"/>
        <source>The bundle is encrypted with age to these recipients, named inside the signed manifest; any other workstation refuses it.</source>
        <translation>バンドルはこれらの受信者向けに age で暗号化され、受信者は署名付きマニフェストに記載されます。他の端末は受け付けません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="154"/>
        <source>Preview PDF</source>
        <translation>PDF をプレビュー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="155"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="346"/>
        <source>Export to file…</source>
        <translation>ファイルに書き出す…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="156"/>
        <source>Sign the briefing into a bundle file (Ctrl+E)</source>
        <translation>ブリーフィングに署名してバンドルファイルにする (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="157"/>
        <source>Queue for courier</source>
        <translation>運搬担当に回す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="158"/>
        <source>Keep the signed bundle in the vault until a courier writes it to media</source>
        <translation>運搬担当が媒体に書き出すまで、署名済みバンドルを保管庫に置く</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="159"/>
        <source>Release to consumers…</source>
        <translation>配布先へ配布…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="160"/>
        <source>Release the case to registered consumers, each getting the product it may hold (Ctrl+Shift+R)</source>
        <translation>登録済みの配布先に事案を配布します。各配布先は保有できる成果物を受け取ります (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="183"/>
        <source>This briefing will be marked</source>
        <translation>このブリーフィングの表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="133"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="170"/>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="253"/>
        <source>No cases yet: create one in Fusion, then compose its briefing here.</source>
        <translation>事案がまだありません。融合で事案を作成してから、ここでブリーフィングを作成してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="278"/>
        <source>Any release list (REL TO …)</source>
        <translation>すべての提供先リスト（REL TO …）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="282"/>
        <source>A key judgement cites this report</source>
        <translation>主要な判断がこの報告を根拠としています</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="292"/>
        <source>No assessments on this case yet: record them in Fusion.</source>
        <translation>この事案にはまだ評価がありません。融合で記録してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="327"/>
        <source>Two-person rule: an officer reviews and approves this briefing before it can be exported. Exporting now queues the review; export again once approved.</source>
        <translation>二人制: 書き出しの前に保安責任者がこのブリーフィングを審査・承認します。今書き出すと審査が依頼されます。承認後にもう一度書き出してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="331"/>
        <source>No release review needed at this classification.</source>
        <translation>この区分では公開審査は不要です。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="333"/>
        <source>This tearline version is a product of its own: its own review and approval.</source>
        <translation>このティアライン版は独立した成果物です。審査と承認も個別に行います。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="347"/>
        <source>Request release review</source>
        <translation>公開審査を依頼</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="347"/>
        <source>Waiting for review…</source>
        <translation>審査待ち…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="351"/>
        <source>Rejected by %1: %2. Change the briefing, then request a review again.</source>
        <translation>%1 が差し戻しました: %2。ブリーフィングを変更してから、もう一度審査を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="364"/>
        <source>Write the tearline version&apos;s summary to preview it.</source>
        <translation>プレビューするには、ティアライン版の要約を書いてください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="393"/>
        <source>Export briefing bundle</source>
        <translation>ブリーフィングバンドルを書き出す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="394"/>
        <source>NIA bundle (*.nia)</source>
        <translation>NIA バンドル (*.nia)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="413"/>
        <source>the courier&apos;s outbound queue</source>
        <translation>運搬担当の送出待ち</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="414"/>
        <source>Signed briefing bundle written to %1.</source>
        <translation>署名済みブリーフィングバンドルを %1 に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="417"/>
        <source>Release review %1 requested: an officer must approve this briefing. Nothing was written.</source>
        <translation>公開審査 %1 を依頼しました。保安責任者の承認が必要です。何も書き出していません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="421"/>
        <source>Release review %1 is still waiting for an officer.</source>
        <translation>公開審査 %1 はまだ保安責任者の審査待ちです。</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="52"/>
        <source>Choose a case above, or create one, to see its reports and the reports linked to them.</source>
        <translation>上で事案を選ぶか新しく作成すると、その事案のレポートと関連するレポートを表示します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="55"/>
        <source>New case…</source>
        <translation>新しい事案…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="57"/>
        <source>Create a case (Ctrl+Shift+N)</source>
        <translation>事案を作成 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="59"/>
        <source>Reports in this case</source>
        <translation>この事案のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="61"/>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="61"/>
        <source>Weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="61"/>
        <source>Linked through</source>
        <translation>関連の根拠</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="62"/>
        <source>Linked reports not in this case</source>
        <translation>この事案に含まれていない関連レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="67"/>
        <source>Add selected to case</source>
        <translation>選択したものを事案に追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="69"/>
        <source>Add the selected suggestions to the case (Ctrl+Enter)</source>
        <translation>選択した候補を事案に追加します (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="70"/>
        <source>Or report numbers, e.g. 12, 45</source>
        <translation>またはレポート番号（例: 12, 45）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="71"/>
        <source>Report numbers to add</source>
        <translation>追加するレポート番号</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="72"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="77"/>
        <source>In the case</source>
        <translation>事案に含まれるレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="86"/>
        <source>Linked reports not in it (from the last fusion of every report)</source>
        <translation>含まれていない関連レポート（全レポートの直近の統合から）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="131"/>
        <source>Every report linked to this case&apos;s reports is in it already.</source>
        <translation>この事案のレポートに関連するレポートはすべて事案に含まれています。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="148"/>
        <source>New case</source>
        <translation>新しい事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/case_panel.py" line="148"/>
        <source>Case name:</source>
        <translation>事案名:</translation>
    </message>
</context>
<context>
    <name>CaveatChecklist</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/caveats.py" line="54"/>
        <source>Caveats</source>
        <translation>付記</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/caveats.py" line="69"/>
        <source>%1 (compartment)</source>
        <translation>%1（コンパートメント）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/caveats.py" line="71"/>
        <source>%1 (unknown: restricts reading until an officer defines it)</source>
        <translation>%1（不明：保全担当官が定義するまで閲覧を制限）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/caveats.py" line="74"/>
        <location filename="../../nia_desktop/ui/views/reports/caveats.py" line="80"/>
        <source>you do not hold it</source>
        <translation>保持していません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/caveats.py" line="81"/>
        <source>You do not hold this compartment: a report carrying it is hidden from you</source>
        <translation>このコンパートメントを保持していません。これを付した報告はあなたには表示されません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/caveats.py" line="85"/>
        <source>No compartments or controls are defined yet (an officer adds them).</source>
        <translation>コンパートメントや配布統制はまだ定義されていません（保全担当官が追加します）。</translation>
    </message>
</context>
<context>
    <name>Caveats</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/caveats.py" line="36"/>
        <source>Write the release list as partner codes, e.g. GBR, USA.</source>
        <translation>提供先はパートナーのコードで書いてください（例：GBR, USA）。</translation>
    </message>
</context>
<context>
    <name>ClassificationBanner</name>
    <message>
        <location filename="../../nia_desktop/ui/widgets/classification_banner.py" line="25"/>
        <source>Classification: %1</source>
        <translation>区分: %1</translation>
    </message>
</context>
<context>
    <name>Consumers</name>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="53"/>
        <source>no key: receipts cannot be checked</source>
        <translation>鍵なし: 受領証を検証できません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="67"/>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="83"/>
        <source>%1 could not be read (%2)</source>
        <translation>%1 を読み込めませんでした（%2）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="72"/>
        <source>%1 holds no age recipient (age1…)</source>
        <translation>%1 に age 受信者（age1…）が含まれていません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="86"/>
        <source>%1 is too long for a public key</source>
        <translation>%1 は公開鍵としては長すぎます</translation>
    </message>
</context>
<context>
    <name>ConsumersView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="195"/>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="213"/>
        <source>Consumers</source>
        <translation>配布先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="198"/>
        <source>The workstations product is released to, and what each may hold. A release to a consumer gets the full product or a tearline version cut at its line; anything above it is refused.</source>
        <translation>成果物の配布先となる端末と、それぞれが保有できる範囲です。配布先には完全版か、その配布先のラインで切り出したティアライン版が配布されます。それを超えるものは拒否されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="202"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="203"/>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="204"/>
        <source>May hold up to</source>
        <translation>保有できる上限</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="205"/>
        <source>Caveats</source>
        <translation>付記</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="206"/>
        <source>Receipt key</source>
        <translation>受領証の鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="207"/>
        <source>Added by</source>
        <translation>追加者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="208"/>
        <source>Added</source>
        <translation>追加日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="209"/>
        <source>Removed</source>
        <translation>削除日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="214"/>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="215"/>
        <source>Filter consumers</source>
        <translation>配布先を絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="217"/>
        <source>Show &amp;removed</source>
        <translation>削除済みを表示(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="218"/>
        <source>Removed consumers receive nothing more; the ledger still names them</source>
        <translation>削除した配布先には以後何も配布されません。配布台帳には引き続き記載されます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="220"/>
        <source>Add consumer…</source>
        <translation>配布先を追加…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="223"/>
        <source>Register a consumer&apos;s workstation (Ctrl+N)</source>
        <translation>配布先の端末を登録します (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="225"/>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="227"/>
        <source>The consumer receives nothing more (Delete)</source>
        <translation>この配布先には以後何も配布しません (Delete)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="279"/>
        <source>Recipient: %1</source>
        <translation>受信者: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="281"/>
        <source>Receipt key fingerprint: %1</source>
        <translation>受領証の鍵のフィンガープリント: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="283"/>
        <source>No receipt key: its receipts cannot be checked, so its copies stay outstanding</source>
        <translation>受領証の鍵なし: 受領証を検証できないため、写しは受領未確認のままになります</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="285"/>
        <source>Removed on %1: receives nothing more</source>
        <translation>%1 に削除: 以後何も配布されません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="312"/>
        <source>Registered %1 (%2), up to %3.</source>
        <translation>%1（%2）を登録しました。上限は %3 です。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="327"/>
        <source>Remove a consumer</source>
        <translation>配布先の削除</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="328"/>
        <source>Remove %1 (%2)? Nothing more can be released to it: a release naming it is refused. What it was already sent stays in the ledger, corrections and recalls of those products still go to it, and its receipts are still checked. This cannot be undone; the name cannot be used again.</source>
        <translation>%1（%2）を削除しますか？ 以後は何も配布できず、この配布先を指定した配布は拒否されます。送付済みのものは配布台帳に残り、それらの成果物の訂正と回収は引き続きこの配布先に送られ、受領証も引き続き検証されます。この操作は元に戻せず、この名前は再使用できません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="332"/>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/consumers.py" line="341"/>
        <source>Removed %1: it receives nothing more.</source>
        <translation>%1 を削除しました。以後何も配布されません。</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="16"/>
        <source>Create a vault</source>
        <translation>保管庫を作成</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="18"/>
        <source>Vault directory</source>
        <translation>保管庫のディレクトリ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="20"/>
        <source>Vault name</source>
        <translation>保管庫の名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="22"/>
        <source>Officer user name</source>
        <translation>保安責任者のユーザー名</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="23"/>
        <source>Officer passphrase</source>
        <translation>保安責任者のパスフレーズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="24"/>
        <source>Repeat passphrase</source>
        <translation>パスフレーズ（確認）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="26"/>
        <source>The first user is a security officer, who then adds analysts and couriers. Key derivation is calibrated to take about a second on this machine.</source>
        <translation>最初のユーザーは保安責任者で、その後に分析官と伝送担当を追加します。鍵導出はこの端末で約 1 秒かかるよう調整されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="30"/>
        <source>&amp;Directory</source>
        <translation>ディレクトリ(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="31"/>
        <source>Vault &amp;name</source>
        <translation>保管庫の名前(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="32"/>
        <source>&amp;Officer</source>
        <translation>保安責任者(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="33"/>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="34"/>
        <source>&amp;Repeat</source>
        <translation>確認(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="38"/>
        <source>Choose a directory for the vault.</source>
        <translation>保管庫のディレクトリを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/create_vault.py" line="41"/>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
<context>
    <name>CrossFilter</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="49"/>
        <source>1 report</source>
        <translation>報告 1 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="50"/>
        <source>%1 reports</source>
        <translation>報告 %1 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="99"/>
        <source>%1 and %2 more</source>
        <translation>%1 ほか %2 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="100"/>
        <source>no place</source>
        <translation>場所なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="101"/>
        <source>Map: %1, %2</source>
        <translation>地図：%1、%2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="115"/>
        <source>Filters applied</source>
        <translation>適用中の絞り込み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="118"/>
        <source>Filtered by:</source>
        <translation>絞り込み：</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="120"/>
        <source>Clear the events filter</source>
        <translation>出来事の絞り込みを解除</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="121"/>
        <source>Clear the map filter</source>
        <translation>地図の絞り込みを解除</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="126"/>
        <source> (Esc on its tab)</source>
        <translation>（そのタブで Esc）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="134"/>
        <source>Reports every filter allows</source>
        <translation>すべての絞り込みに該当する報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="135"/>
        <source>Clear filters</source>
        <translation>絞り込みをすべて解除</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="136"/>
        <source>Show every entity, place and event again (Esc)</source>
        <translation>すべてのエンティティ、場所、出来事を再び表示します（Esc）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="154"/>
        <source>%1 in common</source>
        <translation>共通 %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/cross_filter.py" line="223"/>
        <source>Events %1 – %2, %3</source>
        <translation>出来事 %1 – %2、%3</translation>
    </message>
</context>
<context>
    <name>DefineDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="166"/>
        <source>Define a marking</source>
        <translation>表示の定義</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="166"/>
        <source>New compartment</source>
        <translation>新しいコンパートメント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="168"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="170"/>
        <source>e.g. OP-HERON</source>
        <translation>例：OP-HERON</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="173"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="174"/>
        <source>Compartment: only users granted it read what carries it</source>
        <translation>コンパートメント：付与された利用者だけが、これを付した報告を閲覧できます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="175"/>
        <source>Dissemination control: anyone cleared reads; limits further release</source>
        <translation>配布統制：区分の資格があれば閲覧でき、以後の提供を制限します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="178"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="181"/>
        <source>Reports carry this marking from their headers. Until it is defined nobody reads them; as a compartment, only users granted it will.</source>
        <translation>報告のヘッダーにこの表示があります。定義されるまで誰も閲覧できません。コンパートメントとして定義すると、付与された利用者だけが閲覧できます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="185"/>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="186"/>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="187"/>
        <source>&amp;Description</source>
        <translation>説明(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="192"/>
        <source>Name the compartment.</source>
        <translation>コンパートメントの名前を入力してください。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="145"/>
        <source>The backup folder to restore</source>
        <translation>復元するバックアップのフォルダー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="149"/>
        <source>An empty folder to restore into</source>
        <translation>復元先の空のフォルダー</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="42"/>
        <source>Near-duplicate groups</source>
        <translation>重複候補のグループ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="45"/>
        <source>First report of the pair</source>
        <translation>比較する 1 件目のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="46"/>
        <source>Second report of the pair</source>
        <translation>比較する 2 件目のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="47"/>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="48"/>
        <source>Show the two reports side by side (opening them is audited)</source>
        <translation>2 件のレポートを並べて表示します（閲覧は監査記録されます）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="61"/>
        <source>More groups</source>
        <translation>さらにグループを表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="62"/>
        <source>Read the next page of near-duplicate groups</source>
        <translation>次のページの重複候補のグループを読み込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="101"/>
        <source>%1 reports: %2</source>
        <translation>%1 件のレポート: %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="130"/>
        <source>%1 lines only on the left, %2 only on the right</source>
        <translation>左だけの行 %1、右だけの行 %2</translation>
    </message>
</context>
<context>
    <name>EntityJudgementDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="39"/>
        <source>This is an entity</source>
        <translation>これはエンティティである</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="39"/>
        <source>Not an entity</source>
        <translation>エンティティではない</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="52"/>
        <source>Selected text</source>
        <translation>選択したテキスト</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="54"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="56"/>
        <source>any kind</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="62"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="63"/>
        <source>Why (kept in the judgement log)</source>
        <translation>理由（判断記録に残ります）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="65"/>
        <source>Every place this exact text is written, in every report, becomes a mention of this kind.</source>
        <translation>すべての報告で、このテキストとまったく同じ記述がこの種類の言及になります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="67"/>
        <source>Mentions written exactly like this are dropped from fusion, in every report.</source>
        <translation>すべての報告で、これとまったく同じ記述の言及を統合分析から除外します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="69"/>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="70"/>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="71"/>
        <source>&amp;Why</source>
        <translation>理由(&amp;W)</translation>
    </message>
</context>
<context>
    <name>EntityJudging</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="120"/>
        <source>Recorded: “%1” is an entity (judgement %2).</source>
        <translation>記録しました：「%1」はエンティティです（判断 %2）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="121"/>
        <source>Recorded: “%1” is not an entity (judgement %2).</source>
        <translation>記録しました：「%1」はエンティティではありません（判断 %2）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="127"/>
        <source>No entity judgement made here to undo; the Fusion view&apos;s Judgements tab undoes any.</source>
        <translation>ここで行った取り消せるエンティティ判断はありません。統合分析ビューの「判断」タブでどの判断も取り消せます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="137"/>
        <source>Undone: judgement %1 is revoked (it stays in the log).</source>
        <translation>取り消しました：判断 %1 を撤回しました（記録には残ります）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="144"/>
        <source>Not fused yet: re-fuse recommended (pending on %1 kept fusion(s)); this report shows it in italics. Press F5 to fuse again now. Ctrl+Z undoes.</source>
        <translation>まだ統合分析に反映されていません：再統合を推奨します（保存済みの統合分析 %1 件で保留中）。この報告では斜体で表示します。F5 で今すぐ統合をやり直します。Ctrl+Z で取り消します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="148"/>
        <source>No fusion is kept yet: the first one applies it. Ctrl+Z undoes.</source>
        <translation>保存済みの統合分析はまだありません。最初の統合分析で反映されます。Ctrl+Z で取り消します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="162"/>
        <source>Fusing again to apply your judgements…</source>
        <translation>判断を反映するため統合をやり直しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="168"/>
        <source>Fusing again: %1 of %2</source>
        <translation>統合をやり直しています：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/entity_judgement.py" line="178"/>
        <source>Fused again: your judgements are applied and the marks follow.</source>
        <translation>統合をやり直しました。判断が反映され、マークも更新されました。</translation>
    </message>
</context>
<context>
    <name>EntityKinds</name>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="13"/>
        <source>person</source>
        <translation>人物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="14"/>
        <source>organization</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="15"/>
        <source>place</source>
        <translation>場所</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="16"/>
        <source>operation</source>
        <translation>作戦</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="17"/>
        <source>date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="18"/>
        <source>domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="19"/>
        <source>IP address</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="20"/>
        <source>e-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="21"/>
        <source>phone number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="22"/>
        <source>web address</source>
        <translation>ウェブアドレス</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="23"/>
        <source>social media account</source>
        <translation>SNS アカウント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="24"/>
        <source>Telegram channel</source>
        <translation>Telegram チャンネル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/entity_kinds.py" line="25"/>
        <source>cryptocurrency address</source>
        <translation>暗号資産アドレス</translation>
    </message>
</context>
<context>
    <name>EntityPagesModel</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/entity_model.py" line="75"/>
        <source>%1 of %2</source>
        <translation>%2 件中 %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/entity_model.py" line="326"/>
        <source>Sorting by this column orders the %1 rows loaded so far, not all %2: the other columns sort the whole list</source>
        <translation>この列での並べ替えは、全 %2 行ではなく、これまでに読み込んだ %1 行だけを並べ替えます。ほかの列は一覧全体を並べ替えます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/entity_model.py" line="330"/>
        <source>Sorts the whole list</source>
        <translation>一覧全体を並べ替えます</translation>
    </message>
</context>
<context>
    <name>EventTimeline</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="418"/>
        <source>Event timeline</source>
        <translation>出来事の時系列</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="420"/>
        <source>Lanes per agency</source>
        <translation>機関ごとのレーン</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="421"/>
        <source>Lanes per entity</source>
        <translation>エンティティごとのレーン</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="422"/>
        <source>Lanes</source>
        <translation>レーン</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="423"/>
        <source>One lane per agency or per entity (L)</source>
        <translation>機関ごと、またはエンティティごとに 1 レーン（L）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="424"/>
        <source>No events yet.</source>
        <translation>出来事はまだありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="425"/>
        <source>Events shown</source>
        <translation>表示中の出来事</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="426"/>
        <source>Read more reports</source>
        <translation>さらに報告を読む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="427"/>
        <source>Read the next page of reports for their events (Ctrl+M)</source>
        <translation>次のページの報告から出来事を読み取ります（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="431"/>
        <source>Events on their lanes</source>
        <translation>レーン上の出来事</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="433"/>
        <source>The event&apos;s sentence</source>
        <translation>出来事の文</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="483"/>
        <source>Other entities</source>
        <translation>その他のエンティティ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="489"/>
        <source>No dated events in the %n report(s) read.</source>
        <translation>
            <numerusform>読み取った %n 件の報告に日付のある出来事はありません。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="491"/>
        <source>%1 events in %2 reports read</source>
        <translation>読み取った %2 件の報告に %1 件の出来事</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="492"/>
        <source>; more to read</source>
        <translation>（未読の報告あり）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="500"/>
        <source>%1 (%2) in report #%3 of %4 (%5)</source>
        <translation>%1（%2）報告 #%3、%4（%5）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="505"/>
        <source>Named: %1</source>
        <translation>登場：%1</translation>
    </message>
</context>
<context>
    <name>FusionView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="111"/>
        <source>Fusion</source>
        <translation>統合分析</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="114"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="160"/>
        <source>Case</source>
        <translation>事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="115"/>
        <source>Fuse every report, or one case&apos;s</source>
        <translation>すべてのレポート、または一つの事案を統合します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="116"/>
        <source>Fuse</source>
        <translation>統合</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="118"/>
        <source>Run fusion again (F5)</source>
        <translation>統合をやり直す (F5)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="123"/>
        <source>Not fused yet in this session.</source>
        <translation>このセッションではまだ統合していません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="124"/>
        <source>Fusion status</source>
        <translation>統合の状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="126"/>
        <source>Case:</source>
        <translation>事案:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="133"/>
        <source>Pending fusion work</source>
        <translation>保留中の融合作業</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="139"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="199"/>
        <source>Entities</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="140"/>
        <source>Corroboration</source>
        <translation>裏付け</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="158"/>
        <source>Near-duplicates</source>
        <translation>重複候補</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="162"/>
        <source>Assessments</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="165"/>
        <source>Judgements</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="217"/>
        <source>Confirm as resolved…</source>
        <translation>この解決を確定…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="230"/>
        <source>Select entities and right-click to merge, split, confirm or mark them as different (Ctrl+M merges). Your judgements are kept and beat the automatic rules.</source>
        <translation>エンティティを選び右クリックで統合・分離・確定・別物の記録ができます (Ctrl+M で統合)。分析官の判断は保存され、自動規則より優先されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="422"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="433"/>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="423"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="424"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="426"/>
        <source>Agencies</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="427"/>
        <source>Sources</source>
        <translation>情報源数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="418"/>
        <source>single source</source>
        <translation>単一情報源</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="428"/>
        <source>Aliases</source>
        <translation>別名</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="119"/>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="120"/>
        <source>Stop this fusion: the fusion kept before it stays as it was</source>
        <translation>この融合を中止します。それまでに保存された融合はそのまま残ります</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="145"/>
        <source>Link chart</source>
        <translation>リンクチャート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="147"/>
        <source>Timeline</source>
        <translation>時系列</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="153"/>
        <source>Events</source>
        <translation>出来事</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="156"/>
        <source>Map</source>
        <translation>地図</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="164"/>
        <source>Hypotheses (ACH)</source>
        <translation>仮説（ACH）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="203"/>
        <source>Filter: name or alias…</source>
        <translation>絞り込み: 名前または別名…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="204"/>
        <source>Filter entities</source>
        <translation>エンティティを絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="210"/>
        <source>Merge selected…</source>
        <translation>選択したものを統合…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="213"/>
        <source>Mark as different…</source>
        <translation>別物として記録…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="215"/>
        <source>Split off reports…</source>
        <translation>レポートを分離…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="221"/>
        <source>Entity details</source>
        <translation>エンティティの詳細</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="222"/>
        <source>Select an entity to see its aliases, reports, the agencies that report it and why its names were merged.</source>
        <translation>エンティティを選ぶと、別名、レポート、報告した機関、名前を統合した理由を表示します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="245"/>
        <source>Corroboration matrix: entities by agencies</source>
        <translation>裏付け表: エンティティ × 機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="249"/>
        <source>How many reports from each agency mention each entity. Entities one agency alone reports are marked single source.</source>
        <translation>各エンティティに言及した各機関のレポート数です。一つの機関だけが報告しているものは単一情報源と表示します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="257"/>
        <source>Judgement log</source>
        <translation>判断の記録</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="258"/>
        <source>Undo selected judgement</source>
        <translation>選択した判断を取り消す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="259"/>
        <source>Revoke it: it stays in the log, marked as revoked, and fusion runs again</source>
        <translation>取り消します。記録には取り消し済みとして残り、統合をやり直します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="264"/>
        <source>Every merge, split and &apos;different&apos; made by an analyst: who, when, why.</source>
        <translation>分析官が行った統合・分離・別物の判断すべて: 誰が、いつ、なぜ。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="276"/>
        <source>any kind</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="278"/>
        <source>#%1 %2 by %3 at %4: %5</source>
        <translation>#%1 %2（%3、%4）: %5</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="281"/>
        <source> (revoked by %1)</source>
        <translation>（%1 が取り消し）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="290"/>
        <source>Select a judgement that is still in force.</source>
        <translation>有効な判断を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="293"/>
        <source>Judgement revoked.</source>
        <translation>判断を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="305"/>
        <source>Added %1 reports to the case.</source>
        <translation>%1 件のレポートを事案に追加しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="313"/>
        <source>All reports</source>
        <translation>すべてのレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="333"/>
        <source>%1 reports imported since this fusion: press F5 to fuse again</source>
        <translation>この統合の後に %1 件のレポートを取り込みました。F5 で統合をやり直します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="342"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="354"/>
        <source>Reading the fusion…</source>
        <translation>融合結果を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="354"/>
        <source>Fusing…</source>
        <translation>統合中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="375"/>
        <source>Linking reports… %1 of %2</source>
        <translation>レポートを関連付けています… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="376"/>
        <source>Fusing… part %1 of %2</source>
        <translation>融合しています… 第 %1 部 / 全 %2 部</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="383"/>
        <source>Stopping…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="392"/>
        <source>Stopped: the fusion kept before is shown.</source>
        <translation>中止しました。それまでに保存された融合を表示しています。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="425"/>
        <source>Mentions</source>
        <translation>言及数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="432"/>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="436"/>
        <source>Independent agencies</source>
        <translation>独立した機関の数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="437"/>
        <source>Gradings</source>
        <translation>評価区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="438"/>
        <source>First seen</source>
        <translation>初出</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="439"/>
        <source>Last seen</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="450"/>
        <source>Not fused yet for your access: press F5 to fuse.</source>
        <translation>あなたの閲覧範囲ではまだ融合されていません。F5 キーで融合します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="452"/>
        <source>%1 entities, %2 linked report pairs, %3 near-duplicate groups</source>
        <translation>エンティティ %1 件、関連するレポートの組 %2 件、重複候補 %3 グループ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="455"/>
        <source> (with %1 reports imported since, fused as they arrived; F5 fuses all again)</source>
        <translation>（その後に取り込んだ %1 件を取り込み時に統合済み。F5 で全体を統合し直します）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="470"/>
        <source>Re-fuse recommended: %1 pending: changes only a full fusion makes, found by imports since the last one (such as two older entities now known to be one) or asked for by entity judgements made since (text that is, or is not, an entity).</source>
        <translation>再統合を推奨します：保留 %1 件。全体の統合分析でしか反映できない変更です。前回以降の取り込みで見つかったもの（以前の二つのエンティティが同一と判明した場合など）や、その後のエンティティ判断（あるテキストがエンティティである、またはないという判断）によるものです。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="475"/>
        <source>%1 reports you may read are not in this fusion yet (imported by others since it ran).</source>
        <translation>閲覧可能なレポートのうち %1 件は、まだこの融合に含まれていません(融合の実行後にほかの利用者が取り込んだもの)。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="478"/>
        <source>Press F5 to fuse again.</source>
        <translation>F5 キーで再度融合します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="608"/>
        <source>This entity is no longer in the fusion: press F5 to fuse again.</source>
        <translation>このエンティティは融合結果にもう含まれていません。F5 キーで再度融合してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="612"/>
        <source>Aliases: %1</source>
        <translation>別名: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="613"/>
        <source>Agencies: %1</source>
        <translation>機関: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="614"/>
        <source> — single source</source>
        <translation> — 単一情報源</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="615"/>
        <source>Gradings: %1</source>
        <translation>評価区分: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="616"/>
        <source>First seen %1, last seen %2</source>
        <translation>初出 %1、最新 %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="617"/>
        <source>Reports:</source>
        <translation>レポート:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="619"/>
        <source>%1 of its %2 reports are within the filters (Esc clears them).</source>
        <translation>このエンティティの報告 %2 件のうち %1 件が絞り込みの範囲内です（Esc で解除）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="623"/>
        <source>  … and %1 more</source>
        <translation>  … ほか %1 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="625"/>
        <source>Mentions (report: as written, at characters):</source>
        <translation>言及（レポート: 表記、文字位置）:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="629"/>
        <source>Why these were merged:</source>
        <translation>統合した理由:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="651"/>
        <source>Select two or more entities to merge.</source>
        <translation>統合するエンティティを 2 つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="654"/>
        <source>Merge entities</source>
        <translation>エンティティを統合</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="654"/>
        <source>Merge %1 into one entity? Why:</source>
        <translation>%1 を一つのエンティティに統合しますか？ 理由:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="659"/>
        <source>Merged. The Judgements tab can undo it.</source>
        <translation>統合しました。「判断」タブで取り消せます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="664"/>
        <source>Select exactly two entities.</source>
        <translation>エンティティをちょうど 2 つ選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="666"/>
        <source>Different entities</source>
        <translation>別のエンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="666"/>
        <source>Never merge %1 and %2? Why:</source>
        <translation>%1 と %2 を今後統合しないようにしますか？ 理由:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="672"/>
        <source>Recorded: they will be kept apart.</source>
        <translation>記録しました: 今後は別々に扱います。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="677"/>
        <source>Select one entity to split.</source>
        <translation>分離するエンティティを 1 つ選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="680"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="691"/>
        <source>Split entity</source>
        <translation>エンティティを分離</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="681"/>
        <source>Which of its reports are about someone or something else? Report numbers (%1):</source>
        <translation>別の人物・対象について述べているレポートはどれですか？ レポート番号 (%1):</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="689"/>
        <source>Report numbers are whole numbers, separated by commas.</source>
        <translation>レポート番号は整数をカンマで区切って入力してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="691"/>
        <source>Why are they different?</source>
        <translation>なぜ別物なのですか？</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="696"/>
        <source>Split recorded.</source>
        <translation>分離を記録しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="701"/>
        <source>Select one entity to confirm.</source>
        <translation>確定するエンティティを一つ選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="703"/>
        <source>Confirm entity</source>
        <translation>エンティティを確定</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="704"/>
        <source>Its names stay one entity through every re-fusion. Why is it right? (optional)</source>
        <translation>その名前は今後の統合でも一つのエンティティのまま保たれます。正しいと判断した理由は?（任意）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="709"/>
        <source>Confirmation recorded.</source>
        <translation>確定を記録しました。</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="114"/>
        <source>Grant a compartment</source>
        <translation>コンパートメントの付与</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="117"/>
        <source>Compartment</source>
        <translation>コンパートメント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="121"/>
        <source>%1 (held: the new grant replaces it)</source>
        <translation>%1（保持中：新しい付与で置き換えます）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="127"/>
        <source>&amp;Ends on</source>
        <translation>終了日(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="128"/>
        <source>Without an end date the grant lasts until an officer takes it away</source>
        <translation>終了日がなければ、保全担当官が取り消すまで付与は続きます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="134"/>
        <source>Last day of the grant</source>
        <translation>付与の最終日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="140"/>
        <source>For %1</source>
        <translation>対象：%1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="141"/>
        <source>&amp;Compartment</source>
        <translation>コンパートメント(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="142"/>
        <source>End date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="143"/>
        <source>The grant counts through the last day; after it the user no longer reads what carries the compartment.</source>
        <translation>付与は最終日まで有効です。その後、利用者はこのコンパートメントを付した報告を閲覧できなくなります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="159"/>
        <source>There is no compartment to grant: define one first (Compartments and caveats).</source>
        <translation>付与できるコンパートメントがありません。先に定義してください（コンパートメントと付記）。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="72"/>
        <source>Import reports</source>
        <translation>レポートの取り込み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="107"/>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="156"/>
        <source>Mounted volumes</source>
        <translation>接続中のボリューム</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="110"/>
        <source>read-only</source>
        <translation>読み取り専用</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="110"/>
        <source>writable</source>
        <translation>書き込み可</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="116"/>
        <source>No removable volume is mounted. Choose a folder or files instead.</source>
        <translation>リムーバブルボリュームが接続されていません。フォルダーまたはファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="119"/>
        <source>Add volume</source>
        <translation>ボリュームを追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="121"/>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="123"/>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="126"/>
        <source>Chosen sources</source>
        <translation>選択した取り込み元</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="128"/>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="149"/>
        <source>Agency</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="129"/>
        <source>From each report&apos;s header</source>
        <translation>各レポートのヘッダーから</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="132"/>
        <source>optional: add the reports to this case</source>
        <translation>任意: この事案にレポートを追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="133"/>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="150"/>
        <source>Case</source>
        <translation>事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="135"/>
        <source>Caveats added to every report of this import</source>
        <translation>この取り込みのすべての報告に加える付記</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="136"/>
        <source>Ticked caveats are added to every report of this import, beside those each report&apos;s header states</source>
        <translation>チェックした付記は、各報告のヘッダーにある付記に加えて、この取り込みのすべての報告に付されます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="139"/>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="199"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="151"/>
        <source>Caveats</source>
        <translation>付記</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="159"/>
        <source>To import</source>
        <translation>取り込み対象</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="177"/>
        <source>Choose a folder to import</source>
        <translation>取り込むフォルダーを選択</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="182"/>
        <source>Choose files to import</source>
        <translation>取り込むファイルを選択</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="191"/>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="298"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="192"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="193"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="194"/>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="297"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="195"/>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="299"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="196"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="201"/>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="257"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="203"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="205"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="224"/>
        <source>Scanning…</source>
        <translation>走査中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="235"/>
        <source>Scanning %1 of %2: %3</source>
        <translation>走査中 %2 件中 %1 件: %3</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="244"/>
        <source>%1 files: %2 new, %3 duplicates, %4 refused, %5 skipped</source>
        <translation>%1 ファイル: 新規 %2、重複 %3、拒否 %4、除外 %5</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="258"/>
        <source>Stop after the current file; what is imported stays, whole</source>
        <translation>現在のファイルの後で停止します。取り込み済みのものは完全な状態で残ります</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="274"/>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="288"/>
        <source>Importing %1 of %2: %3</source>
        <translation>取り込み中 %2 件中 %1 件: %3</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="302"/>
        <source>Import result</source>
        <translation>取り込み結果</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="303"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="320"/>
        <source>%1 imported, %2 duplicates, %3 refused, %4 skipped</source>
        <translation>取り込み %1、重複 %2、拒否 %3、除外 %4</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="324"/>
        <source>Cancelled. </source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="327"/>
        <source>Fusion: linked to %1 earlier reports, %2 new entities, %3 possible re-sends</source>
        <translation>統合: 既存レポート %1 件と関連、新しいエンティティ %2 件、再送の可能性 %3 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="332"/>
        <source>refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="332"/>
        <source>skipped</source>
        <translation>除外</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="334"/>
        <source>duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="335"/>
        <source>duplicate of %1</source>
        <translation>%1 と重複</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="336"/>
        <source>duplicate of a report already in the vault</source>
        <translation>保管庫にある報告の重複</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="337"/>
        <source>imported</source>
        <translation>取り込み済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="350"/>
        <source>Cancelling after the current file…</source>
        <translation>現在のファイルの後でキャンセルします…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/import_dialog.py" line="358"/>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="28"/>
        <source>Import history</source>
        <translation>取り込み履歴</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="31"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="32"/>
        <source>Started (UTC)</source>
        <translation>開始 (UTC)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="33"/>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="34"/>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="41"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="34"/>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="35"/>
        <source>Imported</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="36"/>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="37"/>
        <source>Refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="38"/>
        <source>Sources</source>
        <translation>取り込み元</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="42"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="43"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="44"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/history.py" line="45"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>Insiders</name>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="47"/>
        <source>reads</source>
        <translation>閲覧</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="48"/>
        <source>reads outside their cases</source>
        <translation>担当事案外の閲覧</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="49"/>
        <source>reports shown in search results</source>
        <translation>検索結果に表示されたレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="50"/>
        <source>refused attempts</source>
        <translation>拒否された試行</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="51"/>
        <source>exports and releases</source>
        <translation>書き出しと配布</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="52"/>
        <source>activity at unusual hours</source>
        <translation>通常外の時間帯の活動</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="59"/>
        <source>Only %1 earlier active days: judged against the agency&apos;s usual day.</source>
        <translation>これまでの活動日は %1 日のみ：機関の通常の一日と比較しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="62"/>
        <source>Judged against their established usual (their active days over the last 90 days), lower than their recent one: their days have been rising.</source>
        <translation>定着した通常値（過去 90 日間の活動日）と比較しました。直近の通常値より低く、活動量が増え続けています。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="65"/>
        <source>Above twenty times the agency&apos;s usual day: flagged whatever their own usual.</source>
        <translation>機関の通常の一日の 20 倍を超えています：本人の通常値にかかわらずフラグを立てました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="67"/>
        <source>Judged against their last %1 active days.</source>
        <translation>直近 %1 日の活動日と比較しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="73"/>
        <source>HIGH</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="73"/>
        <source>MEDIUM</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="74"/>
        <source>noted</source>
        <translation>参考</translation>
    </message>
</context>
<context>
    <name>InsidersView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="126"/>
        <source>Insider watch</source>
        <translation>内部脅威監視</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="131"/>
        <source>Each user&apos;s days against their own usual: reads, reads outside their cases (as they stood when read), reports shown to them in search results, refused attempts (need to know among them), exports and releases, and activity at hours they do not usually work, in Japan time. A day is flagged at six times its usual, recent or established (so creeping up day by day is caught), far outside its usual spread, or at twenty times the agency&apos;s usual day; never for small numbers. Select an item to list the audit entries it rests on. Nothing a report says is shown here.</source>
        <translation>各ユーザーの一日を本人の通常値と比較します：閲覧、担当事案外の閲覧（閲覧時点の事案構成による）、検索結果に表示されたレポート、拒否された試行（知る必要による拒否を含む）、書き出しと配布、通常は勤務しない時間帯の活動（日本時間）。通常値（直近または定着した値。少しずつの増加も捉えます）の 6 倍、通常のばらつきから大きく外れた場合、または機関の通常の一日の 20 倍でフラグを立てます。少ない件数ではフラグを立てません。項目を選ぶと根拠となる監査記録を一覧します。レポートの内容はここには表示されません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="142"/>
        <source>Days to judge</source>
        <translation>判定する日数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="143"/>
        <source>How many days up to today (Japan time) to judge; each day is compared with the user&apos;s own earlier days</source>
        <translation>今日（日本時間）までの何日分を判定するか。各日はそのユーザー自身の過去の日と比較されます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="145"/>
        <source>&amp;Days:</source>
        <translation>日数(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="147"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="149"/>
        <source>Read the audit log again (F5)</source>
        <translation>監査ログを読み直す (F5)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="153"/>
        <source>Insider watch summary</source>
        <translation>内部脅威監視の概要</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="163"/>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="164"/>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="210"/>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="165"/>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="211"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="166"/>
        <source>Day (JST)</source>
        <translation>日付 (JST)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="167"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="168"/>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="169"/>
        <source>Usual</source>
        <translation>通常値</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="170"/>
        <source>× usual</source>
        <translation>通常比 (倍)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="171"/>
        <source>Flagged from</source>
        <translation>フラグ基準</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="172"/>
        <source>Entries</source>
        <translation>エントリ数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="178"/>
        <source>Flagged and noted items</source>
        <translation>フラグ付き・参考の項目</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="183"/>
        <source>#</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="184"/>
        <source>Time (JST)</source>
        <translation>時刻 (JST)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="185"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="186"/>
        <source>Object</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="186"/>
        <source>(in the audit log)</source>
        <translation>（監査ログ内）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="187"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="191"/>
        <source>Audit entries of the selected item</source>
        <translation>選択した項目の監査エントリ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="193"/>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="286"/>
        <source>Select an item to list its audit entries.</source>
        <translation>項目を選ぶと、その監査エントリを一覧表示します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="196"/>
        <source>Show in audit log</source>
        <translation>監査ログで表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="197"/>
        <source>Select these entries in the Audit view (Ctrl+Shift+A, or double-click the item)</source>
        <translation>「監査」画面でこれらのエントリを選択します (Ctrl+Shift+A、または項目をダブルクリック)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="212"/>
        <source>Active days</source>
        <translation>活動日数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="213"/>
        <source>Reads a day</source>
        <translation>1 日の閲覧数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="214"/>
        <source>Usual reads</source>
        <translation>通常の閲覧数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="215"/>
        <source>Busiest day</source>
        <translation>最多の日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="216"/>
        <source>Outside cases</source>
        <translation>担当事案外</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="217"/>
        <source>Search reach</source>
        <translation>検索での到達</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="218"/>
        <source>Refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="219"/>
        <source>Need to know</source>
        <translation>知る必要</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="220"/>
        <source>Exports</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="221"/>
        <source>Unusual hours</source>
        <translation>通常外の時間帯</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="222"/>
        <source>Usual hours</source>
        <translation>通常の時間帯</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="223"/>
        <source>Flagged</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="228"/>
        <source>Users over the window</source>
        <translation>期間中のユーザー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="257"/>
        <source>Reading the audit log…</source>
        <translation>監査ログを読み込み中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="271"/>
        <source>Reading the audit log… %1 of %2 entries</source>
        <translation>監査ログを読み込み中… %2 件中 %1 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="281"/>
        <source>%1 to %2 (JST): %3 flagged, %4 noted, %5 users</source>
        <translation>%1〜%2 (JST): フラグ %3 件、参考 %4 件、ユーザー %5 人</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="287"/>
        <source>Nothing stands out in these days.</source>
        <translation>この期間に目立つ点はありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="318"/>
        <source>%1, %2: %3 %4 against a usual %5. Audit entries: %6.</source>
        <translation>%1、%2: %4 %3 件（通常 %5）。監査エントリ: %6 件。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="323"/>
        <source>The first %1 are listed.</source>
        <translation>最初の %1 件を表示しています。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="334"/>
        <source>Flagged at %1 or more: the highest of the floor, six times usual and usual plus six spreads.</source>
        <translation>%1 以上でフラグ: 下限値、通常の 6 倍、通常値 + ばらつきの 6 倍のうち最も高い値。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="337"/>
        <source>Active at %1; usual hours %2.</source>
        <translation>活動時刻 %1、通常の時間帯 %2。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="341"/>
        <source>Reports: %1</source>
        <translation>レポート: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="345"/>
        <source>Reads per day over the window: %1</source>
        <translation>期間中の 1 日ごとの閲覧数: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/insiders.py" line="351"/>
        <source>%1 on %2</source>
        <translation>%1 件（%2）</translation>
    </message>
</context>
<context>
    <name>KeysChangeDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="86"/>
        <source>Import keys bundle</source>
        <translation>鍵バンドルの取り込み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="87"/>
        <source>Nothing to change.</source>
        <translation>変更はありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="88"/>
        <source>Keys bundle signed by %1, trusted here as the security officer %2:</source>
        <translation>%1 が署名した鍵バンドル(この端末ではセキュリティ責任者 %2 として信頼):</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="92"/>
        <source>Apply these changes</source>
        <translation>この変更を適用</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="34"/>
        <source>queued</source>
        <translation>送出待ち</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="34"/>
        <source>delivered</source>
        <translation>書き出し済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="35"/>
        <source>acknowledged</source>
        <translation>受領確認済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="66"/>
        <source>cites it</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="68"/>
        <source>through assessment %1</source>
        <translation>評価 %1 経由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="70"/>
        <source>notice %1…</source>
        <translation>通知 %1…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="72"/>
        <source>product</source>
        <translation>成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="80"/>
        <source>RECALL</source>
        <translation>回収</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="80"/>
        <source>correction</source>
        <translation>訂正</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="65"/>
        <source>Ledger</source>
        <translation>配布台帳</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="73"/>
        <source>Ledger question</source>
        <translation>配布台帳への照会</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="74"/>
        <source>Who has report…</source>
        <translation>レポートの保有先…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="74"/>
        <source>Sent to consumer</source>
        <translation>配布先への送付分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="74"/>
        <source>Outstanding</source>
        <translation>受領未確認</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="75"/>
        <source>Stale</source>
        <translation>根拠変更</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="77"/>
        <source>Every copy of every product that cites the report or carries an assessment resting on it</source>
        <translation>そのレポートを引用する、またはそれを根拠とする評価を含むすべての成果物の、すべての写し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="79"/>
        <source>What one consumer was sent, products and notices, newest first</source>
        <translation>1 つの配布先に送付した成果物と通知（新しい順）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="80"/>
        <source>Copies no signed receipt has acknowledged, oldest first</source>
        <translation>署名付き受領証で受領が確認されていない写し（古い順）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="81"/>
        <source>Released products resting on a report re-marked, re-graded or found to be a duplicate since</source>
        <translation>配布後に表示変更・評価変更された、または重複と判明したレポートを根拠とする配布済み成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="85"/>
        <source>Report number</source>
        <translation>レポート番号</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="89"/>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="123"/>
        <source>Consumer</source>
        <translation>配布先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="95"/>
        <source>&amp;Report</source>
        <translation>レポート(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="103"/>
        <source>&amp;Consumer</source>
        <translation>配布先(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="111"/>
        <source>Copies of products and notices not yet acknowledged by a receipt.</source>
        <translation>受領証による受領確認がまだない成果物と通知の写し。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="112"/>
        <source>Products whose reports changed after release.</source>
        <translation>配布後に根拠のレポートが変更された成果物。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="113"/>
        <source>Ask</source>
        <translation>照会</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="114"/>
        <source>Ask the ledger (F5, or Enter in the report number)</source>
        <translation>配布台帳に照会します (F5、またはレポート番号で Enter)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="123"/>
        <source>(by key only)</source>
        <translation>（鍵でのみ指定）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="124"/>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="125"/>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="139"/>
        <source>Product</source>
        <translation>成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="126"/>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="140"/>
        <source>Case</source>
        <translation>事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="127"/>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="141"/>
        <source>Marking</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="128"/>
        <source>How</source>
        <translation>関係</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="129"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="130"/>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="144"/>
        <source>Released</source>
        <translation>配布日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="131"/>
        <source>Acknowledged</source>
        <translation>受領確認日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="136"/>
        <source>Copies</source>
        <translation>写し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="142"/>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="143"/>
        <source>What changed</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="147"/>
        <source>Stale products</source>
        <translation>根拠が変更された成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="153"/>
        <source>Rows shown</source>
        <translation>表示行数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="154"/>
        <source>Load more</source>
        <translation>さらに読み込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="155"/>
        <source>Ask for the next page of the answer</source>
        <translation>照会結果の次のページを取得します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="168"/>
        <source>Issue correction…</source>
        <translation>訂正を発出…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="169"/>
        <source>Tell every holder which product supersedes this one (Ctrl+Shift+C)</source>
        <translation>この成果物に代わる成果物をすべての保有先に通知します (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="172"/>
        <source>Recall…</source>
        <translation>回収…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="173"/>
        <source>Tell every holder to destroy all copies of this product</source>
        <translation>この成果物の写しをすべて破棄するよう、すべての保有先に通知します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="238"/>
        <source>(removed)</source>
        <translation>（削除済み）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="274"/>
        <source>No consumer is registered yet: an officer adds them in Consumers.</source>
        <translation>配布先がまだ登録されていません。保安責任者が「配布先」で追加します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="322"/>
        <source>%1 shown; more to load</source>
        <translation>%1 件を表示（続きあり）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="322"/>
        <source>%1 in all</source>
        <translation>全 %1 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="332"/>
        <source>Nobody holds anything derived from this report (that you may see).</source>
        <translation>このレポートから派生したものを保有する配布先はありません（あなたが閲覧できる範囲で）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="333"/>
        <source>Nothing was sent to this consumer (that you may see).</source>
        <translation>この配布先に送付したものはありません（あなたが閲覧できる範囲で）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="334"/>
        <source>Every copy has been acknowledged.</source>
        <translation>すべての写しの受領が確認されています。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="335"/>
        <source>No released product rests on a report changed since.</source>
        <translation>配布後に変更されたレポートを根拠とする配布済み成果物はありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="400"/>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="418"/>
        <source>the courier&apos;s queue</source>
        <translation>運搬担当の送出待ち</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="401"/>
        <source>Send a signed RECALL of product %1 to %2 consumer(s): %3? Each is told to destroy all copies. The notices go to %4.</source>
        <translation>成果物 %1 の署名付き回収通知を %2 件の配布先（%3）に送りますか？ 各配布先には写しをすべて破棄するよう通知されます。通知の送付先: %4。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="403"/>
        <source>Send a signed correction of product %1 to %2 consumer(s): %3? Each is told it is superseded by %5. The notices go to %4.</source>
        <translation>成果物 %1 の署名付き訂正通知を %2 件の配布先（%3）に送りますか？ 各配布先には、この成果物が %5 に置き換えられたことが通知されます。通知の送付先: %4。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="409"/>
        <source>Send the recall</source>
        <translation>回収通知を送る</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="409"/>
        <source>Send the correction</source>
        <translation>訂正通知を送る</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="419"/>
        <source>Recall of %1 signed for %2; written to %3.</source>
        <translation>%1 の回収通知に署名しました（宛先: %2）。書き出し先: %3。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="420"/>
        <source>Correction of %1 signed for %2; written to %3.</source>
        <translation>%1 の訂正通知に署名しました（宛先: %2）。書き出し先: %3。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="433"/>
        <source>Product %1</source>
        <translation>成果物 %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="434"/>
        <source>Custody: %1</source>
        <translation>保管経路: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="436"/>
        <source>Written to %1 by %2, %3</source>
        <translation>%2 が %1 に書き出し（%3）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="442"/>
        <source>re-marked</source>
        <translation>表示変更</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="444"/>
        <source>re-graded</source>
        <translation>評価変更</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger.py" line="446"/>
        <source>duplicate of report %1</source>
        <translation>レポート %1 と重複</translation>
    </message>
</context>
<context>
    <name>LinkChart</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="129"/>
        <source>{0} readable reports</source>
        <translation>閲覧可能な報告 {0} 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="131"/>
        <source>rank {0}</source>
        <translation>順位 {0}</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="133"/>
        <source>broker: the one link between groups</source>
        <translation>仲介者：グループ間の唯一のつながり</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="135"/>
        <source>pinned (P to unpin)</source>
        <translation>固定中（P で解除）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="136"/>
        <source>E expand, C collapse, P pin, H hide</source>
        <translation>E 展開、C 折りたたみ、P 固定、H 非表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="196"/>
        <source>{0}+ shared readable reports (counted up to {0}): select to count and list them, double-click to open the first</source>
        <translation>共通する閲覧可能な報告 {0} 件以上（{0} 件まで数えています）：選択で数えて一覧、ダブルクリックで最初の報告を開く</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="200"/>
        <source>{0} shared readable reports: select to list them, double-click to open the first</source>
        <translation>共通する閲覧可能な報告 {0} 件：選択で一覧、ダブルクリックで最初の報告を開く</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="313"/>
        <source>Link chart of entities; links are the reports naming both</source>
        <translation>エンティティのリンクチャート（リンクは両者を記載する報告）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="316"/>
        <source>Choose a case and show the chart.</source>
        <translation>事案を選んでチャートを表示してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="317"/>
        <source>Link chart status</source>
        <translation>リンクチャートの状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="320"/>
        <source>Reports on the selected link</source>
        <translation>選択したリンクの報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="323"/>
        <source>Select a link to list the reports it rests on.</source>
        <translation>リンクを選ぶと、その根拠となる報告を一覧表示します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="327"/>
        <source>Agency filter</source>
        <translation>機関で絞り込み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="328"/>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="497"/>
        <source>Any agency</source>
        <translation>すべての機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="330"/>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="330"/>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="333"/>
        <source>any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="339"/>
        <source>links ≥ </source>
        <translation>リンク ≥ </translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="340"/>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="341"/>
        <source>Hide links under this many shared reports</source>
        <translation>共通する報告がこの件数未満のリンクを隠す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="344"/>
        <source>Rank by degree</source>
        <translation>次数で順位付け</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="345"/>
        <source>Rank by betweenness</source>
        <translation>媒介中心性で順位付け</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="346"/>
        <source>Ranking</source>
        <translation>順位付け</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="351"/>
        <source>Top entities</source>
        <translation>上位エンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="351"/>
        <source>Start again from the top entities by reports</source>
        <translation>報告数の上位エンティティからやり直す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="353"/>
        <source>Expand</source>
        <translation>展開</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="353"/>
        <source>Add the selected entities&apos; neighbours</source>
        <translation>選択したエンティティの隣接エンティティを追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="354"/>
        <source>Collapse</source>
        <translation>折りたたみ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="354"/>
        <source>Remove what expanding the selected entities added</source>
        <translation>選択したエンティティの展開で追加したものを除く</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="356"/>
        <source>Pin / unpin</source>
        <translation>固定／解除</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="356"/>
        <source>A pinned entity never moves in a layout</source>
        <translation>固定したエンティティは配置し直しても動きません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="357"/>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="357"/>
        <source>Hide the selected entities (Delete too)</source>
        <translation>選択したエンティティを隠す（Delete でも可）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="359"/>
        <source>Show hidden</source>
        <translation>隠したものを表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="359"/>
        <source>Show every hidden entity again</source>
        <translation>隠したエンティティをすべて再表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="360"/>
        <source>Show in table</source>
        <translation>表で表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="360"/>
        <source>Show the selected entity in the entities table</source>
        <translation>選択したエンティティをエンティティ表に表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="363"/>
        <source>Find paths</source>
        <translation>経路を探す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="363"/>
        <source>Shortest paths between the two selected entities</source>
        <translation>選択した 2 つのエンティティ間の最短経路</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="365"/>
        <source>Rank</source>
        <translation>順位付け</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="365"/>
        <source>Number the top entities and mark brokers</source>
        <translation>上位エンティティに番号を付け、仲介者に印を付ける</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="366"/>
        <source>Apply filter</source>
        <translation>絞り込みを適用</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="366"/>
        <source>Count links again within the agency and dates chosen</source>
        <translation>選んだ機関と期間でリンクを数え直す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="369"/>
        <source>Lay out again</source>
        <translation>配置し直す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="369"/>
        <source>Move every unpinned entity to a new layout</source>
        <translation>固定していないエンティティをすべて新しい配置に移す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="371"/>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="371"/>
        <source>Show the whole chart</source>
        <translation>チャート全体を表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="372"/>
        <source>Save with case</source>
        <translation>事案に保存</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="372"/>
        <source>Keep positions, pins and hidden entities with the case</source>
        <translation>位置、固定、非表示を事案とともに保存</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="374"/>
        <source>Export picture…</source>
        <translation>画像を書き出す…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="374"/>
        <source>Save the chart as PNG or SVG</source>
        <translation>チャートを PNG または SVG で保存</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="377"/>
        <source>Kinds</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="378"/>
        <source>Kinds shown</source>
        <translation>表示する種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="449"/>
        <source>Could not finish: {0}</source>
        <translation>完了できませんでした：{0}</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="490"/>
        <source>Reading the chart…</source>
        <translation>チャートを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="508"/>
        <source>Reading the top entities…</source>
        <translation>上位エンティティを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="512"/>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="778"/>
        <source>Laying out…</source>
        <translation>配置しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="528"/>
        <source>{0} selected: {1}</source>
        <translation>{0} 件選択：{1}</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="537"/>
        <source>Select an entity to expand (E).</source>
        <translation>展開するエンティティを選んでください（E）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="554"/>
        <source>Expanding…</source>
        <translation>展開しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="583"/>
        <source>{0} entities, {1} links shown; {2} hidden.</source>
        <translation>エンティティ {0} 件、リンク {1} 件を表示。{2} 件を非表示。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="793"/>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="828"/>
        <source>Filtering…</source>
        <translation>絞り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="834"/>
        <source>Select exactly two entities to find the paths between them (Ctrl+P).</source>
        <translation>経路を探すには、エンティティをちょうど 2 つ選んでください（Ctrl+P）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="845"/>
        <source>Finding paths…</source>
        <translation>経路を探しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="870"/>
        <source>No path between them in the reports you may read.</source>
        <translation>閲覧可能な報告の中では、両者をつなぐ経路はありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="872"/>
        <source>{0} shortest paths of {1} links; {2} highlighted.</source>
        <translation>リンク {1} 本の最短経路 {0} 件。{2} 件を強調表示。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="881"/>
        <source>Ranking (on the whole network: may take a while)…</source>
        <translation>順位付けしています（ネットワーク全体が対象のため時間がかかることがあります）…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="894"/>
        <source>Ranked by {0}: {1} of the top {2} shown, {3} brokers in the network{4}.</source>
        <translation>{0}で順位付け：上位 {2} 件のうち {1} 件を表示、ネットワーク内の仲介者 {3} 件{4}。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="895"/>
        <source>degree</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="895"/>
        <source>betweenness</source>
        <translation>媒介中心性</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="897"/>
        <source> (sampled)</source>
        <translation>（標本推定）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="910"/>
        <source>Reading the link&apos;s reports…</source>
        <translation>リンクの報告を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="921"/>
        <source>{0} and {1}: {2} shared reports, the first {3} listed</source>
        <translation>{0} と {1}：共通する報告 {2} 件、先頭 {3} 件を表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="927"/>
        <source>Return or double-click opens a report.</source>
        <translation>Return またはダブルクリックで報告を開きます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="936"/>
        <source>Opening the link&apos;s first report…</source>
        <translation>リンクの最初の報告を開いています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="950"/>
        <source>Chart saved with {0}.</source>
        <translation>チャートを {0} に保存しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="951"/>
        <source>every report</source>
        <translation>すべての報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="951"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="954"/>
        <source>Export the chart</source>
        <translation>チャートを書き出す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="955"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 図 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="967"/>
        <source>Reading the chart&apos;s marking…</source>
        <translation>チャートの区分表示を確認しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="978"/>
        <source>Link chart</source>
        <translation>リンクチャート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="994"/>
        <source>Could not write {0}.</source>
        <translation>{0} に書き込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="998"/>
        <source>Chart exported to {0} ({1}).</source>
        <translation>チャートを {0} に書き出しました（{1}）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/chart.py" line="999"/>
        <source>Exporting…</source>
        <translation>書き出しています…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="297"/>
        <source>Swap could write decrypted report text to disk: %1. Ask the system administrator to encrypt swap or turn it off.</source>
        <translation>スワップにより復号済みの報告本文がディスクに書き込まれるおそれがあります: %1。システム管理者にスワップの暗号化または無効化を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="74"/>
        <location filename="../../nia_desktop/ui/main_window.py" line="263"/>
        <source>NIA Desktop</source>
        <translation>NIA Desktop</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="104"/>
        <source>Locked after inactivity.</source>
        <translation>操作がなかったためロックしました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="110"/>
        <location filename="../../nia_desktop/ui/main_window.py" line="278"/>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="116"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="117"/>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="120"/>
        <location filename="../../nia_desktop/ui/main_window.py" line="206"/>
        <source>Locked.</source>
        <translation>ロックしました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="123"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="128"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="129"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="131"/>
        <location filename="../../nia_desktop/ui/main_window.py" line="139"/>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="137"/>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="139"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="140"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="147"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="148"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="152"/>
        <source>&amp;About NIA Desktop</source>
        <translation>NIA Desktop について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="157"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="158"/>
        <source>Ctrl+L  lock now
Ctrl+Q  quit
Ctrl+F  search reports (Reports)
Ctrl+I  import (Reports)
Ctrl+Shift+M  re-mark the open report: level, caveats, reason (Reports)
Ctrl+Shift+H  who holds anything derived from the selected report (Reports)
Ctrl+E  the selected text is an entity; Ctrl+Shift+D  it is not one (Reports reader)
F5  fuse again to apply them; Ctrl+Z  undo the latest (Reports reader)
F5  fuse again (Fusion)
Ctrl+M  merge selected entities (Fusion)
Esc  clear the events or map filter of the tab shown (Fusion)
Ctrl+Shift+H  add a hypothesis; Ctrl+Shift+E  add evidence; Ctrl+Shift+M  re-mark the current hypothesis (Fusion, ACH tab)
Ctrl+E  export the briefing (Briefings)
Ctrl+Shift+R  release to consumers (Briefings)
F5  ask again (Ledger, Insider watch)
Ctrl+Shift+C  issue a correction or recall (Ledger)
Ctrl+N  add a user (Users), a consumer (Consumers)
Delete  remove the selected consumer (Consumers)
Ctrl+Shift+A  the selected item&apos;s entries in the audit log (Insider watch)
Ctrl+Shift+L  set the selected user&apos;s clearance (Need to know)
Ctrl+G  grant a compartment (Need to know)
Delete  take the selected compartment away (Need to know)
Ctrl+Shift+N  define a compartment or control (Need to know)
Ctrl+Shift+V  verify the audit chain (Audit)
F1  this list

The status line shows your clearance and the compartments you hold today. A report above your clearance, or carrying a compartment you do not hold, is absent from every list; opening it is refused and recorded.</source>
        <translation>Ctrl+L  今すぐロック
Ctrl+Q  終了
Ctrl+F  レポートを検索（レポート）
Ctrl+I  取り込み（レポート）
Ctrl+Shift+M  開いているレポートの表示変更: 区分・付記・理由（レポート）
Ctrl+Shift+H  選択したレポートから派生したものの保有先（レポート）
Ctrl+E  選択したテキストはエンティティである、Ctrl+Shift+D  エンティティではない（レポートの閲覧欄）
F5  統合をやり直して判断を反映、Ctrl+Z  最新の判断を取り消す（レポートの閲覧欄）
F5  統合をやり直す（統合分析）
Ctrl+M  選択したエンティティを統合（統合分析）
Esc  表示中のタブの出来事または地図の絞り込みを解除（統合分析）
Ctrl+Shift+H  仮説を追加、Ctrl+Shift+E  証拠を追加、Ctrl+Shift+M  現在の仮説の表示変更（統合分析、ACH タブ）
Ctrl+E  ブリーフィングを書き出す（ブリーフィング）
Ctrl+Shift+R  配布先へ配布（ブリーフィング）
F5  再照会（配布台帳、内部脅威監視）
Ctrl+Shift+C  訂正または回収を発出（配布台帳）
Ctrl+N  ユーザーを追加（ユーザー）、配布先を追加（配布先）
Delete  選択した配布先を削除（配布先）
Ctrl+Shift+A  選択した項目の監査ログのエントリ（内部脅威監視）
Ctrl+Shift+L  選択したユーザーの資格区分を設定（知る必要）
Ctrl+G  コンパートメントを付与（知る必要）
Delete  選択したコンパートメントを取り消す（知る必要）
Ctrl+Shift+N  コンパートメントまたは配布統制を定義（知る必要）
Ctrl+Shift+V  監査チェーンを検証（監査）
F1  この一覧

ステータス行に、あなたの資格区分と本日保持しているコンパートメントが表示されます。資格区分より上のレポートや、保持していないコンパートメントを付したレポートは、どの一覧にも現れません。開こうとすると拒否され、記録されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="182"/>
        <source>About NIA Desktop</source>
        <translation>NIA Desktop について</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="183"/>
        <source>NIA Desktop %1
Intelligence-fusion workstation for air-gapped machines.</source>
        <translation>NIA Desktop %1
エアギャップ環境のための情報融合ワークステーション。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="200"/>
        <source>NIA Desktop: %1</source>
        <translation>NIA Desktop: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="202"/>
        <source>Unlocked as %1</source>
        <translation>%1 としてロック解除しました</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="251"/>
        <source>Locking when the current task finishes…</source>
        <translation>現在の処理が終わり次第ロックします…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="267"/>
        <source>Locking…</source>
        <translation>ロック処理中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="334"/>
        <source>Creating the vault and calibrating key derivation…</source>
        <translation>保管庫を作成し、鍵導出を調整しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="344"/>
        <source>Vault created. Unlock it as %1.</source>
        <translation>保管庫を作成しました。%1 としてロック解除してください。</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../nia_desktop/ui/widgets/message_banner.py" line="26"/>
        <source>Dismiss message</source>
        <translation>メッセージを閉じる</translation>
    </message>
</context>
<context>
    <name>MyKeyView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="43"/>
        <source>My key</source>
        <translation>自分の鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="47"/>
        <source>Signing key fingerprint</source>
        <translation>署名鍵のフィンガープリント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="49"/>
        <source>Your Ed25519 signing key is wrapped by your own passphrase: nobody else, an officer included, can sign as you. Give your public key to the officers of other workstations and read this fingerprint to them over a separate channel.</source>
        <translation>あなたの Ed25519 署名鍵はあなた自身のパスフレーズで保護されています。保安責任者を含め、他の誰もあなたとして署名できません。公開鍵を他の端末の保安責任者に渡し、このフィンガープリントを別の経路で読み上げて照合してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="54"/>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="55"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="56"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 フィンガープリント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="60"/>
        <source>This workstation&apos;s age recipient</source>
        <translation>この端末の age 受信者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="61"/>
        <source>Other workstations encrypt bundles for this one to this recipient (nia key recipient).</source>
        <translation>他の端末はこの受信者向けにバンドルを暗号化します (nia key recipient)。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="63"/>
        <source>Workstation recipient</source>
        <translation>端末の受信者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="64"/>
        <source>Export public key…</source>
        <translation>公開鍵を書き出す…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="65"/>
        <source>Change passphrase…</source>
        <translation>パスフレーズを変更…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="66"/>
        <source>Rotate key…</source>
        <translation>鍵を更新…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="100"/>
        <source>Key rotated. New fingerprint: %1</source>
        <translation>鍵を更新しました。新しいフィンガープリント: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="106"/>
        <source>Export public key</source>
        <translation>公開鍵を書き出す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="107"/>
        <source>PEM public key (*.pem)</source>
        <translation>PEM 公開鍵 (*.pem)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="114"/>
        <source>Wrote %1. Fingerprint: %2</source>
        <translation>%1 を書き出しました。フィンガープリント: %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="118"/>
        <source>Change passphrase</source>
        <translation>パスフレーズを変更</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="130"/>
        <source>Passphrase changed.</source>
        <translation>パスフレーズを変更しました。</translation>
    </message>
</context>
<context>
    <name>NeedToKnow</name>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="66"/>
        <source>compartment</source>
        <translation>コンパートメント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="67"/>
        <source>dissemination control</source>
        <translation>配布統制</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="68"/>
        <source>release list</source>
        <translation>提供先リスト</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="69"/>
        <source>unknown: restricts reading until defined</source>
        <translation>不明：定義されるまで閲覧を制限</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="78"/>
        <source>%1 (until %2)</source>
        <translation>%1（%2まで）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="80"/>
        <source>%1 (expired %2)</source>
        <translation>%1（%2に失効）</translation>
    </message>
</context>
<context>
    <name>NeedToKnowView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="199"/>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="203"/>
        <source>Need to know</source>
        <translation>知る必要</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="204"/>
        <source>&amp;Clearances</source>
        <translation>資格区分(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="205"/>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="352"/>
        <source>C&amp;ompartments and caveats</source>
        <translation>コンパートメントと付記(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="214"/>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="293"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="215"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="216"/>
        <source>Clearance</source>
        <translation>資格区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="217"/>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="279"/>
        <source>Compartments</source>
        <translation>コンパートメント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="220"/>
        <source>Users&apos; clearances</source>
        <translation>利用者の資格区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="221"/>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="222"/>
        <source>Filter users</source>
        <translation>利用者を絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="230"/>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="386"/>
        <source>Select a user.</source>
        <translation>利用者を選択してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="233"/>
        <source>Nobody changes their own clearance or compartments: another officer does it for you.</source>
        <translation>自分の資格区分やコンパートメントは変更できません。別の保全担当官が行います。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="238"/>
        <source>Clearance level</source>
        <translation>資格区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="242"/>
        <source>Set clearance</source>
        <translation>資格区分を設定</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="249"/>
        <source>C&amp;learance</source>
        <translation>資格区分(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="253"/>
        <source>Compartment</source>
        <translation>コンパートメント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="254"/>
        <source>Until</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="254"/>
        <source>no end date</source>
        <translation>期限なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="255"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="255"/>
        <source>current</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="255"/>
        <source>expired</source>
        <translation>失効</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="256"/>
        <source>Granted by</source>
        <translation>付与者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="257"/>
        <source>Granted</source>
        <translation>付与日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="261"/>
        <source>Compartments granted</source>
        <translation>付与されたコンパートメント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="262"/>
        <source>Grant compartment…</source>
        <translation>コンパートメントを付与…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="265"/>
        <source>Take away…</source>
        <translation>取り消す…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="294"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="295"/>
        <source>Reports</source>
        <translation>報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="296"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="297"/>
        <source>Added by</source>
        <translation>追加者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="298"/>
        <source>Added</source>
        <translation>追加日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="302"/>
        <source>Compartments and caveats</source>
        <translation>コンパートメントと付記</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="309"/>
        <source>New compartment…</source>
        <translation>新しいコンパートメント…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="311"/>
        <source>Define a compartment or a dissemination control (Ctrl+Shift+N)</source>
        <translation>コンパートメントまたは配布統制を定義（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="313"/>
        <source>Define selected marking…</source>
        <translation>選択した表示を定義…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="314"/>
        <source>Say what an unknown marking found in report headers is</source>
        <translation>報告ヘッダーで見つかった不明な表示が何かを定義します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="348"/>
        <source>Unknown markings found in report headers: %1. Nobody reads a report carrying one until it is defined here.</source>
        <translation>報告ヘッダーで見つかった不明な表示：%1。ここで定義されるまで、これを付した報告は誰も閲覧できません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="351"/>
        <source>C&amp;ompartments and caveats (%1 unknown)</source>
        <translation>コンパートメントと付記（不明 %1 件）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="389"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="402"/>
        <source>Nobody changes their own clearance or compartments: ask another officer.</source>
        <translation>自分の資格区分やコンパートメントは変更できません。別の保全担当官に依頼してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="408"/>
        <source>The highest level this user reads</source>
        <translation>この利用者が閲覧できる最高区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="409"/>
        <source>Give the user the chosen clearance level (Ctrl+Shift+L)</source>
        <translation>選んだ資格区分を利用者に設定（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="410"/>
        <source>Grant a compartment, with an optional end date (Ctrl+G)</source>
        <translation>コンパートメントを付与（終了日は任意）（Ctrl+G）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="411"/>
        <source>Take the selected compartment away (Delete)</source>
        <translation>選択したコンパートメントを取り消す（Delete）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="422"/>
        <source>%1 expired</source>
        <translation>%1 件失効</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="428"/>
        <source>Expired on %1: it no longer counts. Grant it again to restore it.</source>
        <translation>%1に失効し、もう有効ではありません。戻すには再度付与してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="433"/>
        <source>Found in a report header and not defined: it restricts reading until an officer defines it (Define selected marking…)</source>
        <translation>報告ヘッダーで見つかり、未定義です。保全担当官が定義するまで閲覧を制限します（選択した表示を定義…）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="447"/>
        <source>Lower clearance</source>
        <translation>資格区分を下げる</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="448"/>
        <source>Lower %1&apos;s clearance from %2 to %3? They stop reading everything above %3 at once, in an open session too.</source>
        <translation>%1の資格区分を%2から%3に下げますか？%3より上の報告は、開いているセッションでも直ちに閲覧できなくなります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="451"/>
        <source>Lower to %1</source>
        <translation>%1に下げる</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="458"/>
        <source>%1 is now cleared to %2.</source>
        <translation>%1の資格区分は%2になりました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="477"/>
        <source>%1 now holds %2.</source>
        <translation>%1に%2を付与しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="477"/>
        <source>%1 holds %2 until %3.</source>
        <translation>%1に%2を%3まで付与しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="490"/>
        <source>Take a compartment away</source>
        <translation>コンパートメントの取り消し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="491"/>
        <source>Take %1 away from %2? They stop reading every report that carries it at once, in an open session too.</source>
        <translation>%2から%1を取り消しますか？これを付したすべての報告は、開いているセッションでも直ちに閲覧できなくなります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="493"/>
        <source>Take %1 away</source>
        <translation>%1を取り消す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="500"/>
        <source>%1 no longer holds %2.</source>
        <translation>%1は%2を保持しなくなりました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/compartments.py" line="520"/>
        <source>Defined %1 (%2).</source>
        <translation>%1を定義しました（%2）。</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="82"/>
        <source>Current passphrase</source>
        <translation>現在のパスフレーズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="83"/>
        <source>New passphrase</source>
        <translation>新しいパスフレーズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="84"/>
        <source>Repeat new passphrase</source>
        <translation>新しいパスフレーズ（確認）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="85"/>
        <source>For %1</source>
        <translation>対象: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="87"/>
        <source>&amp;Current passphrase</source>
        <translation>現在のパスフレーズ(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="88"/>
        <source>&amp;New passphrase</source>
        <translation>新しいパスフレーズ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="89"/>
        <source>&amp;Repeat</source>
        <translation>確認(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="93"/>
        <source>Enter your current passphrase.</source>
        <translation>現在のパスフレーズを入力してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="95"/>
        <source>The two new passphrases differ.</source>
        <translation>2 つの新しいパスフレーズが一致しません。</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="38"/>
        <source>Recall a product</source>
        <translation>成果物の回収</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="38"/>
        <source>Issue a correction</source>
        <translation>訂正の発出</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="42"/>
        <source>%1 of product %2 (%3, case %4)</source>
        <translation>%1 — 成果物 %2（%3、事案 %4）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="43"/>
        <source>A recall: every holder is told to destroy all copies</source>
        <translation>回収: すべての保有先に写しをすべて破棄するよう通知します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="44"/>
        <source>A correction: every holder is told which product supersedes it</source>
        <translation>訂正: すべての保有先に、どの成果物に置き換わるかを通知します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="49"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="50"/>
        <source>Required: shown on the consumer&apos;s workstation with the notice</source>
        <translation>必須: 通知とともに配布先の端末に表示されます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="54"/>
        <source>Superseded by (product digest)</source>
        <translation>置き換え先（成果物のダイジェスト）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="57"/>
        <source>the digest of the product that replaces it</source>
        <translation>置き換える成果物のダイジェスト</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="62"/>
        <source>The courier&apos;s &amp;queue</source>
        <translation>運搬担当の送出待ち(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="63"/>
        <source>A &amp;folder:</source>
        <translation>フォルダー(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="69"/>
        <source>Folder the notices are written to</source>
        <translation>通知の書き出し先フォルダー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="70"/>
        <source>one file per consumer</source>
        <translation>配布先ごとに 1 ファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="71"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="79"/>
        <source>Goes to %1 consumer(s): %2</source>
        <translation>送付先 %1 件: %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="80"/>
        <source>nobody holds it</source>
        <translation>保有先なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="83"/>
        <source>&amp;Why</source>
        <translation>理由(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="85"/>
        <source>&amp;Superseded by</source>
        <translation>置き換え先(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="86"/>
        <source>Send to</source>
        <translation>送付先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="91"/>
        <source>Folder for the signed notices</source>
        <translation>署名付き通知のフォルダー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="115"/>
        <source>Say why: the consumer&apos;s workstation shows it with the notice.</source>
        <translation>理由を入力してください。配布先の端末で通知とともに表示されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="119"/>
        <source>A correction names the product that supersedes it.</source>
        <translation>訂正では、置き換え先の成果物を指定してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="121"/>
        <source>The superseding product is named by its digest: at least its first %1 hex digits.</source>
        <translation>置き換え先の成果物はダイジェストで指定します（先頭から少なくとも %1 桁の 16 進数）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="124"/>
        <source>A product cannot supersede itself.</source>
        <translation>成果物をそれ自体で置き換えることはできません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="128"/>
        <source>Choose an existing folder for the notices, or send them to the courier&apos;s queue.</source>
        <translation>通知の書き出し先として既存のフォルダーを選ぶか、運搬担当の送出待ちに送ってください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notice_dialog.py" line="131"/>
        <source>No consumer holds this product: there is nobody to notify.</source>
        <translation>この成果物を保有する配布先はありません。通知する相手がいません。</translation>
    </message>
</context>
<context>
    <name>NoticesBanner</name>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="91"/>
        <source>Seen</source>
        <translation>確認済みにする</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="92"/>
        <source>Acknowledge this notice (recorded in the audit log); the banner then shows the next one, if any</source>
        <translation>この通知を確認済みにします（監査ログに記録）。次の通知があれば、続けてバナーに表示します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="96"/>
        <source>All notices…</source>
        <translation>すべての通知…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="97"/>
        <source>Every notice received and the status of every product held</source>
        <translation>受領したすべての通知と、保有するすべての成果物の状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="139"/>
        <source>(%1 more unseen)</source>
        <translation>（ほかに未確認 %1 件）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="154"/>
        <source>Notices could not be read: %1</source>
        <translation>通知を読み込めませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="189"/>
        <source>recall</source>
        <translation>回収</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="190"/>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="223"/>
        <source>correction</source>
        <translation>訂正</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="191"/>
        <source>Refused %1 from %2: %3. Nothing was marked; do not act on it.</source>
        <translation>%2 からの%1通知を拒否しました: %3。何も反映していません。この通知に従って行動しないでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="197"/>
        <source>RECALL: destroy all copies of %1 — %2</source>
        <translation>【回収】%1 の写しをすべて破棄してください — %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="199"/>
        <source>CORRECTION: %1 superseded by %2 — %3</source>
        <translation>【訂正】%1 は %2 に置き換えられました — %3</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="208"/>
        <source>refused when it came: its key had not signed the product and was not then trusted here as a security officer&apos;s</source>
        <translation>受領時に拒否: その鍵は成果物に署名しておらず、当時この端末で保安責任者の鍵として信頼されていませんでした</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="211"/>
        <source>not signed by the product&apos;s signer, nor by a key trusted here as a security officer&apos;s</source>
        <translation>成果物の署名者による署名でも、この端末で保安責任者の鍵として信頼された鍵による署名でもありません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="220"/>
        <source>REFUSED recall</source>
        <translation>拒否された回収</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="221"/>
        <source>REFUSED correction</source>
        <translation>拒否された訂正</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="222"/>
        <source>RECALL</source>
        <translation>回収</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="232"/>
        <source>none: from %1, %2</source>
        <translation>なし: 送信元 %1、%2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="318"/>
        <source>WITHDRAWN: destroy all copies</source>
        <translation>【撤回】写しをすべて破棄</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="320"/>
        <source>superseded by %1</source>
        <translation>%1 に置き換え済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="322"/>
        <source>current</source>
        <translation>有効</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="244"/>
        <source>Notices and held products</source>
        <translation>通知と保有成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="247"/>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="257"/>
        <source>Received</source>
        <translation>受領日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="248"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="249"/>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="258"/>
        <source>Product</source>
        <translation>成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="250"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="251"/>
        <source>Marked</source>
        <translation>反映</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="252"/>
        <source>Seen</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="252"/>
        <source>by %1</source>
        <translation>%1 が確認</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="253"/>
        <source>NOT SEEN</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="254"/>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="262"/>
        <source>Bundle</source>
        <translation>バンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="259"/>
        <source>Classification</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="260"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="261"/>
        <source>Digest</source>
        <translation>ダイジェスト</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="265"/>
        <source>Notices received</source>
        <translation>受領した通知</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="267"/>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="273"/>
        <source>Products held</source>
        <translation>保有成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="272"/>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/notices_banner.py" line="300"/>
        <source>%1 notice(s), %2 product(s) held.</source>
        <translation>通知 %1 件、保有成果物 %2 件。</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <location filename="../../nia_desktop/ui/widgets/page_preview.py" line="16"/>
        <source>Briefing preview</source>
        <translation>ブリーフィングのプレビュー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/widgets/page_preview.py" line="31"/>
        <source>Page %1</source>
        <translation>%1 ページ</translation>
    </message>
</context>
<context>
    <name>PlaceMap</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/map.py" line="206"/>
        <source>Map of the places in the fusion</source>
        <translation>融合結果の地名の地図</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/map.py" line="207"/>
        <source>Wheel or +/- zoom, drag or arrows pan, click the land or R selects a country or prefecture, Shift+drag or S selects a rectangle, 0 world, J Japan, Esc clears</source>
        <translation>ホイールまたは +/- で拡大縮小、ドラッグまたは矢印で移動、陸地のクリックまたは R で国・都道府県を選択、Shift+ドラッグまたは S で矩形選択、0 で世界、J で日本、Esc で解除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nia_desktop/ui/views/fusion/map.py" line="312"/>
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n 件の報告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductPane</name>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="91"/>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="154"/>
        <source>Select a row to see the product: what it derives from, every copy and every notice.</source>
        <translation>行を選ぶと成果物を表示します: 派生元、すべての写し、すべての通知。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="97"/>
        <source>Selected product</source>
        <translation>選択した成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="102"/>
        <source>Product digest</source>
        <translation>成果物のダイジェスト</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="103"/>
        <source>The product&apos;s digest (SHA-256 of its briefing): what corrections, recalls and receipts name</source>
        <translation>成果物のダイジェスト（ブリーフィングの SHA-256）。訂正・回収・受領証はこれで成果物を指定します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="106"/>
        <source>Consumer</source>
        <translation>配布先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="106"/>
        <source>(by key only)</source>
        <translation>（鍵でのみ指定）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="107"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="107"/>
        <source>product</source>
        <translation>成果物</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="107"/>
        <source>notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="108"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="109"/>
        <source>Custody</source>
        <translation>保管経路</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="110"/>
        <source>Released</source>
        <translation>配布日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="111"/>
        <source>Delivered</source>
        <translation>書き出し日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="112"/>
        <source>Acknowledged</source>
        <translation>受領確認日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="113"/>
        <source>Bundle</source>
        <translation>バンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="116"/>
        <source>Copies of the product</source>
        <translation>成果物の写し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="118"/>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="119"/>
        <source>Marking at release</source>
        <translation>配布時の表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="120"/>
        <source>Grading at release</source>
        <translation>配布時の評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="123"/>
        <source>Reports the product derives from</source>
        <translation>成果物の派生元レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="125"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="126"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="127"/>
        <source>Superseded by</source>
        <translation>置き換え先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="128"/>
        <source>By</source>
        <translation>発出者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="129"/>
        <source>Issued</source>
        <translation>発出日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="132"/>
        <source>Notices about the product</source>
        <translation>この成果物に関する通知</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="134"/>
        <source>Copies</source>
        <translation>写し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="135"/>
        <source>Derives from</source>
        <translation>派生元</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="136"/>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="177"/>
        <source>tearline version at %1</source>
        <translation>%1 のティアライン版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="178"/>
        <source>full product</source>
        <translation>完全版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="179"/>
        <source>(untitled)</source>
        <translation>（無題）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="180"/>
        <source>Case %1 · %2 · by %3, %4</source>
        <translation>事案 %1 · %2 · 作成者 %3、%4</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="183"/>
        <source>Carries assessments %1</source>
        <translation>含まれる評価: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="187"/>
        <source>Copies (%1)</source>
        <translation>写し (%1)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="188"/>
        <source>Derives from (%1)</source>
        <translation>派生元 (%1)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="189"/>
        <source>Notices (%1)</source>
        <translation>通知 (%1)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="192"/>
        <source>Released by %1</source>
        <translation>配布者: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="194"/>
        <source>Written to %1 by %2</source>
        <translation>%2 が %1 に書き出し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/ledger_detail.py" line="197"/>
        <source>Receipt %1, signed by key %2…</source>
        <translation>受領証 %1（鍵 %2… で署名）</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="120"/>
        <source>Report text</source>
        <translation>レポート本文</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="124"/>
        <source>Entity marks</source>
        <translation>エンティティの印</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="125"/>
        <source>Mark the entities your fusion found in this report: a colour and underline per kind (Ctrl+Shift+E)</source>
        <translation>融合でこの報告に見つかったエンティティに印を付けます。種類ごとに色と下線を変えます（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="129"/>
        <source>Next mention</source>
        <translation>次の言及</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="130"/>
        <source>Select the next entity mention in the text, from the top after the last (F3)</source>
        <translation>本文の次のエンティティ言及を選択します。最後の次は先頭に戻ります（F3）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="132"/>
        <source>Previous mention</source>
        <translation>前の言及</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="133"/>
        <source>Select the previous entity mention in the text, from the end before the first (Shift+F3)</source>
        <translation>本文の前のエンティティ言及を選択します。先頭の前は末尾に戻ります（Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="135"/>
        <source>Go to entity</source>
        <translation>エンティティへ移動</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="136"/>
        <source>Show the entity of the mention at the cursor in the Fusion view (Ctrl+Return; or click its mark)</source>
        <translation>カーソル位置の言及のエンティティを融合ビューに表示します（Ctrl+Return、または印をクリック）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="138"/>
        <source>This is an entity…</source>
        <translation>これはエンティティ…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="139"/>
        <source>Tell fusion the selected text is an entity of a kind you choose, wherever it is written (Ctrl+E)</source>
        <translation>選択したテキストは、どこに書かれていても選んだ種類のエンティティであると統合分析に伝えます（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="141"/>
        <source>Not an entity…</source>
        <translation>エンティティではない…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="142"/>
        <source>Tell fusion the selected text, or the marked mention at the cursor, is not an entity (Ctrl+Shift+D)</source>
        <translation>選択したテキスト、またはカーソル位置のマーク付き言及はエンティティではないと統合分析に伝えます（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="144"/>
        <source>Undo entity judgement</source>
        <translation>エンティティ判断を取り消す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="145"/>
        <source>Revoke the latest entity judgement made here; it stays in the judgement log (Ctrl+Z)</source>
        <translation>ここで行った最新のエンティティ判断を撤回します。判断記録には残ります（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="147"/>
        <source>Fuse again</source>
        <translation>統合をやり直す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="148"/>
        <source>Fuse again now, on a worker, to apply your entity judgements; the marks follow (F5)</source>
        <translation>エンティティ判断を反映するため、今すぐバックグラウンドで統合をやり直します。マークも更新されます（F5）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="206"/>
        <source>Select a report to read it. Opening a report is recorded in the audit log.</source>
        <translation>レポートを選ぶと本文を表示します。レポートを開いたことは監査ログに記録されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="227"/>
        <source>Marking: %1</source>
        <translation>表示：%1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="240"/>
        <source>as marked</source>
        <translation>表示どおり</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="241"/>
        <source>default: no marking found</source>
        <translation>既定値: 区分表示なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="253"/>
        <source>Looking for entity mentions…</source>
        <translation>エンティティの言及を探しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="256"/>
        <source>Agency</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="257"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="257"/>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="259"/>
        <source>not stated</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="258"/>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="279"/>
        <source>Marking</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="259"/>
        <source>Grading</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="260"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="261"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="262"/>
        <source>Source</source>
        <translation>出所</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="263"/>
        <source>Volume</source>
        <translation>ボリューム</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="264"/>
        <source>Imported</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="266"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="267"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="270"/>
        <source>Attached to</source>
        <translation>添付元</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="270"/>
        <source>report %1</source>
        <translation>レポート %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="272"/>
        <source>Attachments</source>
        <translation>添付</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="345"/>
        <source>%1 entity mentions, %2 of them from your judgements not fused yet (italic; F5 fuses again)</source>
        <translation>エンティティの言及 %1 件、うち %2 件は未反映のあなたの判断によるもの（斜体。F5 で統合をやり直します）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="349"/>
        <source>%1 entity mentions</source>
        <translation>エンティティの言及 %1 件</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="351"/>
        <source>No entity mentions: none found, or no fusion covers this report</source>
        <translation>エンティティの言及はありません（見つからないか、この報告を含む融合がありません）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="431"/>
        <source>%1 (%2) · your judgement, applied by the next fusion (F5)</source>
        <translation>%1（%2）· あなたの判断。次の統合分析で反映されます（F5）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="433"/>
        <source>%1 (%2) · in %3 of your reports · click or Ctrl+Return to show it</source>
        <translation>%1（%2）・閲覧可能な報告 %3 件に登場・クリックまたは Ctrl+Return で表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="485"/>
        <source>Mention %1 of %2: %3</source>
        <translation>言及 %1/%2：%3</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="538"/>
        <source>Select the words first (or put the cursor on a marked mention).</source>
        <translation>先に語句を選択してください（またはマーク付きの言及にカーソルを置いてください）。</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="46"/>
        <source>Reject briefing</source>
        <translation>ブリーフィングを差し戻す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="48"/>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="50"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="49"/>
        <source>What the author must change</source>
        <translation>作成者が変更すべき点</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="54"/>
        <source>Say why, so the author knows what to change.</source>
        <translation>作成者が何を変えればよいか分かるよう、理由を書いてください。</translation>
    </message>
</context>
<context>
    <name>ReleaseTo</name>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="63"/>
        <source>release review needed</source>
        <translation>公開審査が必要</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="64"/>
        <source>review pending</source>
        <translation>審査待ち</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="65"/>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="66"/>
        <source>review rejected</source>
        <translation>審査で差し戻し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="73"/>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="110"/>
        <source>refused: %1</source>
        <translation>拒否: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="74"/>
        <source>tearline at %1</source>
        <translation>%1 のティアライン版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="75"/>
        <source>full product</source>
        <translation>完全版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="94"/>
        <source>exported</source>
        <translation>書き出し済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="95"/>
        <source>the courier&apos;s queue</source>
        <translation>運搬担当の送出待ち</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="97"/>
        <source>review queued (request %1)</source>
        <translation>審査を依頼済み（依頼 %1）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="100"/>
        <source>review pending (request %1)</source>
        <translation>審査待ち（依頼 %1）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="112"/>
        <source>not released: another consumer was refused</source>
        <translation>配布せず: 他の配布先が拒否されたため</translation>
    </message>
</context>
<context>
    <name>ReleaseToDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="126"/>
        <source>Release to consumers</source>
        <translation>配布先への配布</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="133"/>
        <source>Release case %1. Each consumer gets the product it may hold: the full product, or a tearline version cut at its line. Products are composed from the whole case (the composer&apos;s ticks do not apply); a consumer that may hold nothing of it refuses the whole release.</source>
        <translation>事案 %1 を配布します。各配布先は保有できる成果物を受け取ります: 完全版、またはその配布先のラインで切り出したティアライン版です。成果物は事案全体から作成されます（作成画面のチェックは適用されません）。何も保有できない配布先があると、配布全体が拒否されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="140"/>
        <source>Consumers to release to</source>
        <translation>配布対象の配布先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="142"/>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="184"/>
        <source>Consumer</source>
        <translation>配布先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="142"/>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="142"/>
        <source>May hold up to</source>
        <translation>保有できる上限</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="143"/>
        <source>Will get</source>
        <translation>配布される内容</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="153"/>
        <source>Consumers refused</source>
        <translation>拒否された配布先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="156"/>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="208"/>
        <source>Tearline summary</source>
        <translation>ティアライン版の要約</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="157"/>
        <source>Optional: the summary of the tearline versions. Without it each version says only what it holds.</source>
        <translation>任意: ティアライン版の要約。ない場合、各版には含まれる内容だけが記載されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="161"/>
        <source>The courier&apos;s &amp;queue</source>
        <translation>運搬担当の送出待ち(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="162"/>
        <source>A &amp;folder:</source>
        <translation>フォルダー(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="168"/>
        <source>Folder the consumers&apos; files are written to</source>
        <translation>配布先ごとのファイルの書き出し先フォルダー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="169"/>
        <source>one encrypted file per consumer</source>
        <translation>配布先ごとに暗号化ファイル 1 つ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="171"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="174"/>
        <source>Send to</source>
        <translation>送付先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="182"/>
        <source>Releasing</source>
        <translation>配布中</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="185"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="186"/>
        <source>Marking</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="187"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="192"/>
        <source>What each consumer got</source>
        <translation>各配布先への配布結果</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="196"/>
        <source>Release</source>
        <translation>配布</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="197"/>
        <source>Release to the ticked consumers: each copy signed, encrypted to its consumer and recorded in the ledger, under the two-person rule</source>
        <translation>チェックした配布先に配布します。各写しは署名され、配布先向けに暗号化され、配布台帳に記録されます（二人制を適用）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="269"/>
        <source>No consumer is registered: a security officer adds them in the Consumers view.</source>
        <translation>配布先が登録されていません。保安責任者が「配布先」画面で追加します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="330"/>
        <source>%1 is refused: %2. Nothing is released to anyone while it is ticked.</source>
        <translation>%1 は拒否されます: %2。チェックされている間は、どの配布先にも配布されません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="339"/>
        <source>Folder for the consumers&apos; files</source>
        <translation>配布先ごとのファイルのフォルダー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="357"/>
        <source>Choose an existing folder for the consumers&apos; files, or send them to the courier&apos;s queue.</source>
        <translation>配布先ごとのファイルの書き出し先として既存のフォルダーを選ぶか、運搬担当の送出待ちに送ってください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="378"/>
        <source>Released to %1 consumer(s).</source>
        <translation>%1 件の配布先に配布しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/release_to.py" line="380"/>
        <source>%1 product(s) wait for an officer&apos;s release review: nothing was written for them; release again once approved.</source>
        <translation>%1 件の成果物が保安責任者の公開審査待ちです。これらについては何も書き出していません。承認後にもう一度配布してください。</translation>
    </message>
</context>
<context>
    <name>ReleaseView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="93"/>
        <source>Release review</source>
        <translation>公開審査</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="95"/>
        <source>#</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="96"/>
        <source>Case</source>
        <translation>事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="97"/>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="98"/>
        <source>Classification</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="99"/>
        <source>Requested</source>
        <translation>依頼日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="100"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="101"/>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="105"/>
        <source>Briefings awaiting review</source>
        <translation>審査待ちのブリーフィング</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="106"/>
        <source>Show decided</source>
        <translation>判断済みも表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="109"/>
        <source>Everything the briefing includes</source>
        <translation>ブリーフィングに含まれるすべて</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="111"/>
        <source>Versions of this case side by side</source>
        <translation>この事案の各版を並べて表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="114"/>
        <source>Approve release…</source>
        <translation>公開を承認…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="115"/>
        <source>Reject…</source>
        <translation>差し戻す…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="119"/>
        <source>Under review</source>
        <translation>審査中</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="188"/>
        <source>Another version of this case</source>
        <translation>この事案の別の版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="191"/>
        <source>Withheld (not cleared)</source>
        <translation>非表示（資格なし）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="192"/>
        <source>Tearline version</source>
        <translation>ティアライン版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="192"/>
        <source>Full product</source>
        <translation>完全版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="226"/>
        <source>Approve release</source>
        <translation>公開の承認</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="227"/>
        <source>Approve briefing %1 for release at %2? Your signature goes with it in the bundle.</source>
        <translation>ブリーフィング %1 を %2 として公開承認しますか。あなたの署名がバンドルに含まれます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="229"/>
        <source>Approve and sign</source>
        <translation>承認して署名</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="248"/>
        <source>Approved release review %1: the author can now export it.</source>
        <translation>公開審査 %1 を承認しました。作成者が書き出せます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/review.py" line="250"/>
        <source>Rejected release review %1.</source>
        <translation>公開審査 %1 を差し戻しました。</translation>
    </message>
</context>
<context>
    <name>RemarkDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="25"/>
        <source>Re-mark report %1</source>
        <translation>報告 %1 の表示変更</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="39"/>
        <source>Classification level</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="47"/>
        <source>Releasable to</source>
        <translation>提供可能先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="48"/>
        <source>partner codes, e.g. GBR, USA (empty: no release list)</source>
        <translation>パートナーのコード（例：GBR, USA）。空欄なら提供先リストなし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="50"/>
        <source>Reason for the new marking</source>
        <translation>新しい表示の理由</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="51"/>
        <source>Required: why the marking changes (kept in the audit log)</source>
        <translation>必須：表示を変更する理由（監査ログに残ります）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="55"/>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="61"/>
        <source>New marking</source>
        <translation>新しい表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="56"/>
        <source>Report</source>
        <translation>報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="57"/>
        <source>&amp;Level</source>
        <translation>区分(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="58"/>
        <source>&amp;Caveats</source>
        <translation>付記(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="59"/>
        <source>&amp;REL TO</source>
        <translation>提供先(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="60"/>
        <source>&amp;Why</source>
        <translation>理由(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="92"/>
        <source>You would no longer read this report.</source>
        <translation>この報告を閲覧できなくなります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/remark.py" line="102"/>
        <source>Say why the report is re-marked: the reason is kept in the audit log.</source>
        <translation>報告の表示を変更する理由を書いてください。理由は監査ログに残ります。</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="65"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="65"/>
        <source>Agency</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="65"/>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="65"/>
        <source>Classification</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="66"/>
        <source>Grading</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="66"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="65"/>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="129"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="66"/>
        <source>Search reports: words, &quot;phrases&quot;, prefix*, AND OR NOT</source>
        <translation>レポートを検索: 語、&quot;語句&quot;、前方一致*、AND OR NOT</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="67"/>
        <source>Search reports</source>
        <translation>レポートを検索</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="71"/>
        <source>Agency filter</source>
        <translation>機関で絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="73"/>
        <source>Classification filter</source>
        <translation>区分で絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="74"/>
        <source>Any classification</source>
        <translation>すべての区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="76"/>
        <source>%1 and above</source>
        <translation>%1 以上</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="78"/>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="78"/>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="82"/>
        <source>any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="85"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="88"/>
        <source>Import reports from removable media, a folder or files (Ctrl+I)</source>
        <translation>リムーバブルメディア、フォルダー、ファイルからレポートを取り込みます (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="89"/>
        <source>Import history…</source>
        <translation>取り込み履歴…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="90"/>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="284"/>
        <source>Add to case…</source>
        <translation>事案に追加…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="92"/>
        <source>Add the selected reports to a case, or a new one (Ctrl+K)</source>
        <translation>選択したレポートを事案（または新しい事案）に追加します (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="94"/>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="280"/>
        <source>Re-mark…</source>
        <translation>表示変更…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="96"/>
        <source>Change the open report&apos;s level and caveats, with a reason that is audited (Ctrl+Shift+M)</source>
        <translation>開いている報告の区分と付記を変更します。理由は監査されます（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="112"/>
        <source>Agency</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="115"/>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="117"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="184"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="217"/>
        <source>counting reports…</source>
        <translation>レポートを数えています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="219"/>
        <source>%1 matches</source>
        <translation>%1 件一致</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="221"/>
        <source>%1 reports</source>
        <translation>%1 件のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="278"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="288"/>
        <source>Who has this?</source>
        <translation>保有先を確認</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="290"/>
        <source>Every consumer holding a product derived from this report (Ledger)</source>
        <translation>このレポートから派生した成果物を保有するすべての配布先（配布台帳）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="337"/>
        <source>Re-marked report %1 as %2. Your clearance does not cover that marking, so it is hidden from you now.</source>
        <translation>報告 %1 の表示を %2 に変更しました。その表示はあなたの資格区分の範囲外のため、今後は表示されません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="341"/>
        <source>Re-marked report %1 as %2.</source>
        <translation>報告 %1 の表示を %2 に変更しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="369"/>
        <source>Add to case</source>
        <translation>事案に追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="370"/>
        <source>Add %1 reports to the case (type a new name to create one):</source>
        <translation>%1 件のレポートを追加する事案（新しい名前を入力すると作成します）:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="376"/>
        <source>New case</source>
        <translation>新しい事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="376"/>
        <source>Create the case &quot;%1&quot;?</source>
        <translation>事案「%1」を作成しますか?</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="387"/>
        <source>Added %1 reports to the case %2.</source>
        <translation>%1 件のレポートを事案 %2 に追加しました。</translation>
    </message>
</context>
<context>
    <name>RequirementsView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="71"/>
        <source>Requirements</source>
        <translation>情報要求</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="73"/>
        <source>#</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="74"/>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="75"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="76"/>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="84"/>
        <source>Question</source>
        <translation>問い</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="77"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="77"/>
        <source>none yet</source>
        <translation>まだなし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="78"/>
        <source>Agencies</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="79"/>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="82"/>
        <source>Requirements and their coverage</source>
        <translation>情報要求と充足状況</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="83"/>
        <source>The question, e.g. Who funds the referendum campaign?</source>
        <translation>問い（例: 住民投票運動の資金源は誰か）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="87"/>
        <source>priority </source>
        <translation>優先度 </translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="88"/>
        <source>Priority, 1 highest</source>
        <translation>優先度（1 が最高）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="89"/>
        <source>due YYYY-MM-DD (optional)</source>
        <translation>期限 YYYY-MM-DD（任意）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="90"/>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="91"/>
        <source>Add requirement</source>
        <translation>情報要求を追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="92"/>
        <source>Suggest and tag reports…</source>
        <translation>レポートの候補を表示して紐付け…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="93"/>
        <source>Reports sharing the selected requirement&apos;s words or entities, or the entities of reports already tagged to it</source>
        <translation>選択した情報要求と語句やエンティティを共有するレポート、またはすでに紐付けたレポートのエンティティを含むレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="149"/>
        <source>No untagged report matches the requirement&apos;s words or entities.</source>
        <translation>情報要求の語句やエンティティに合う未紐付けのレポートはありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="102"/>
        <source>Requirements nobody has reported on show &apos;none yet&apos;.</source>
        <translation>まだ誰も報告していない情報要求は「まだなし」と表示します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="126"/>
        <source>Requirement recorded.</source>
        <translation>情報要求を記録しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="135"/>
        <source>Select a requirement first.</source>
        <translation>先に情報要求を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="158"/>
        <source>Tagged %1 report(s).</source>
        <translation>%1 件のレポートを紐付けました。</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="24"/>
        <source>Rotate signing key</source>
        <translation>署名鍵の更新</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="25"/>
        <source>A new signing key replaces yours. Bundles you signed before still verify, marked as signed by a rotated key, until an officer revokes the old key. Send your new public key (or an officer&apos;s keys bundle) to the workstations that trust you.</source>
        <translation>新しい署名鍵が現在の鍵に置き換わります。以前に署名したバンドルは、保安責任者が旧鍵を失効させるまで「更新済みの鍵による署名」として検証できます。新しい公開鍵(または保安責任者の鍵バンドル)を、あなたを信頼する端末に送ってください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="30"/>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="32"/>
        <source>Your passphrase</source>
        <translation>あなたのパスフレーズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/my_key.py" line="36"/>
        <source>Enter your passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="35"/>
        <source>Workstation settings</source>
        <translation>端末の設定</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="36"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="36"/>
        <source>Auto-lock after idle minutes</source>
        <translation>無操作で自動ロックするまでの分数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="37"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="37"/>
        <source>Largest file to import</source>
        <translation>取り込むファイルの最大サイズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="38"/>
        <location filename="../../nia_desktop/ui/views/settings.py" line="48"/>
        <source>Classification of unmarked reports</source>
        <translation>区分表示のないレポートの区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="40"/>
        <source>Briefings that need a second person&apos;s approval</source>
        <translation>二人目の承認が必要なブリーフィング</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="42"/>
        <source>None (two-person rule off)</source>
        <translation>なし(二人承認ルール無効)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="43"/>
        <source>Refuse to unlock while swap is unencrypted</source>
        <translation>スワップが暗号化されていない間はロック解除を拒否する</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="46"/>
        <source>Auto-lock after</source>
        <translation>自動ロックまで</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="47"/>
        <source>Largest file accepted from media</source>
        <translation>メディアから受け付ける最大ファイルサイズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="49"/>
        <source>Release review from</source>
        <translation>リリース審査の対象</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="50"/>
        <source>Swap</source>
        <translation>スワップ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="51"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="112"/>
        <source>Weakening a safeguard (release review, the default classification or the swap rule)</source>
        <translation>安全措置の緩和(リリース審査、既定の秘密区分、またはスワップの規則)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/settings.py" line="118"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/diff.py" line="18"/>
        <source>First report</source>
        <translation>1 件目のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/diff.py" line="19"/>
        <source>Second report</source>
        <translation>2 件目のレポート</translation>
    </message>
</context>
<context>
    <name>SignReceiptDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="29"/>
        <source>Sign a receipt</source>
        <translation>受領証に署名</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="31"/>
        <source>briefing</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="31"/>
        <source>notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="32"/>
        <source>Sign a receipt saying this workstation accepted the %1 bundle %2. It is signed with your key and goes back to the sender, whose ledger then shows the copy acknowledged.</source>
        <translation>この端末が%1バンドル %2 を受け入れたことを示す受領証に署名します。受領証はあなたの鍵で署名されて送付元に返送され、送付元の配布台帳でその写しが受領確認済みになります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="36"/>
        <source>The courier&apos;s &amp;queue</source>
        <translation>運搬担当の送出待ち(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="37"/>
        <source>A &amp;file:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="43"/>
        <source>File the receipt is written to</source>
        <translation>受領証の書き出し先ファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="45"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="52"/>
        <source>Sign another if one was already signed</source>
        <translation>署名済みでも新たに署名する</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="53"/>
        <source>A receipt already went out for this bundle: sign a new one (for a lost medium, say)</source>
        <translation>このバンドルの受領証はすでに送付済みです。新しい受領証に署名します（媒体を紛失した場合など）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="56"/>
        <source>Send to</source>
        <translation>送付先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="61"/>
        <source>Save the receipt</source>
        <translation>受領証を保存</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="62"/>
        <source>NIA bundle (*.nia)</source>
        <translation>NIA バンドル (*.nia)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="75"/>
        <source>Choose the file for the receipt, or send it to the courier&apos;s queue.</source>
        <translation>受領証のファイルを選ぶか、運搬担当の送出待ちに送ってください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="77"/>
        <source>%1 already exists: choose another name.</source>
        <translation>%1 はすでに存在します。別の名前を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/sign_receipt.py" line="79"/>
        <source>%1 is not a folder.</source>
        <translation>%1 はフォルダーではありません。</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="42"/>
        <source>Tag reports</source>
        <translation>レポートを紐付け</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="44"/>
        <source>Suggested reports</source>
        <translation>候補のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="52"/>
        <source>Tag the ticked reports</source>
        <translation>チェックしたレポートを紐付け</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/requirements.py" line="56"/>
        <source>Which of these answer: %1</source>
        <translation>次の問いに答えるものはどれですか: %1</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="53"/>
        <source>Timeline of reports per agency</source>
        <translation>機関ごとのレポートの時系列</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="62"/>
        <source>No dated reports to show.</source>
        <translation>日付のあるレポートがありません。</translation>
    </message>
</context>
<context>
    <name>TransferView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="90"/>
        <source>Transfer</source>
        <translation>搬送</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="103"/>
        <source>Scan and verify</source>
        <translation>走査して検証</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="104"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="109"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="305"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="110"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="306"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="111"/>
        <source>Verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="111"/>
        <source>verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="111"/>
        <source>REFUSED</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="112"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="209"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="304"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="113"/>
        <source>Signer</source>
        <translation>署名者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="114"/>
        <source>Custody</source>
        <translation>保管経路</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="114"/>
        <source>%1 hop(s), complete</source>
        <translation>中継 %1 回・途切れなし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="115"/>
        <source>%1 hop(s), INCOMPLETE</source>
        <translation>中継 %1 回・不完全</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="117"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="120"/>
        <source>Bundles on the volume</source>
        <translation>媒体上のバンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="121"/>
        <source>Choose the courier&apos;s volume, then Scan and verify: every bundle on it is checked (signature, signer, custody, every byte) before you receive it.</source>
        <translation>運搬用の媒体を選び、「走査して検証」を押してください。受領の前に、媒体上のすべてのバンドルを検証します(署名、署名者、保管経路、全バイト)。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="124"/>
        <source>Receive selected</source>
        <translation>選択したものを受領</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="125"/>
        <source>Verify again and queue the bundle for an analyst</source>
        <translation>再検証して分析官向けの受領待ちに入れる</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="143"/>
        <source>Inbound</source>
        <translation>受け入れ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="151"/>
        <source>Choose a volume or folder first.</source>
        <translation>先に媒体かフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="176"/>
        <source>%1 bundle(s) found: %2 verified, %3 refused.</source>
        <translation>バンドル %1 件: 検証済み %2 件、拒否 %3 件。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="183"/>
        <source>Select a bundle first.</source>
        <translation>先にバンドルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="186"/>
        <source>That bundle was refused: %1</source>
        <translation>このバンドルは拒否されました: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="192"/>
        <source>Already received: nothing added.</source>
        <translation>受領済みです。追加はありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="194"/>
        <source>Received %1 bundle from %2; queued for an analyst.</source>
        <translation>%2 からの %1 バンドルを受領し、分析官向けの待ち行列に入れました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="197"/>
        <source>Received %1 bundle from %2.</source>
        <translation>%2 からの %1 バンドルを受領しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="208"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="241"/>
        <source>Received</source>
        <translation>受領済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="210"/>
        <source>Bundle</source>
        <translation>バンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="211"/>
        <source>Signer key</source>
        <translation>署名鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="212"/>
        <source>Sequence</source>
        <translation>通番</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="213"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="309"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="216"/>
        <source>Received bundles</source>
        <translation>受領したバンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="217"/>
        <source>Accept into the vault</source>
        <translation>保管庫に取り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="218"/>
        <source>Check the bundle again and import its reports, deduplicated, with custody naming the bundle and its signer</source>
        <translation>バンドルを再検証し、重複を除いて報告を取り込みます。保管記録にはバンドルと署名者が残ります</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="221"/>
        <source>Notices and held products…</source>
        <translation>通知と保有成果物…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="222"/>
        <source>Corrections and recalls received, and the status of every product held here (current, superseded or withdrawn)</source>
        <translation>受領した訂正・回収と、この端末で保有するすべての成果物の状態（有効、置き換え済み、撤回）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="226"/>
        <source>Sign receipt…</source>
        <translation>受領証に署名…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="227"/>
        <source>Sign a receipt for the selected briefing or notice bundle: the sender&apos;s ledger then shows it acknowledged</source>
        <translation>選択したブリーフィングまたは通知のバンドルの受領証に署名します。送付元の配布台帳で受領確認済みになります</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="258"/>
        <source>Select a received briefing or notice first.</source>
        <translation>先に受領したブリーフィングまたは通知を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="269"/>
        <source>the courier&apos;s queue</source>
        <translation>運搬担当の送出待ち</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="270"/>
        <source>Receipt %1 for bundle %2 signed; written to %3.</source>
        <translation>バンドル %2 の受領証 %1 に署名しました。書き出し先: %3。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="286"/>
        <source>Select a received bundle first.</source>
        <translation>先に受領したバンドルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="292"/>
        <source>Accepted: %1 imported, %2 duplicates, %3 refused.</source>
        <translation>取り込み完了: 取り込み %1 件、重複 %2 件、拒否 %3 件。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="303"/>
        <source>Queued</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="307"/>
        <source>Encrypted</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="307"/>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="307"/>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="308"/>
        <source>By</source>
        <translation>登録者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="310"/>
        <source>delivered to %1</source>
        <translation>%1 に書き出し済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="313"/>
        <source>Bundles to write out</source>
        <translation>書き出すバンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="320"/>
        <source>Write to volume</source>
        <translation>媒体に書き出す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="316"/>
        <source>Hand to</source>
        <translation>引き渡し先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="317"/>
        <source>Hand to: next courier&apos;s name or key, or the workstation&apos;s age1…</source>
        <translation>引き渡し先: 次の運搬担当の名前または鍵、あるいは端末の age1…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="318"/>
        <source>Recorded in your custody hop: the next courier&apos;s hop must be theirs, and the receiving side sees whether the chain reaches it</source>
        <translation>あなたの保管連署に記録されます。次の連署はその運搬担当本人のものでなければならず、受領側は保管経路が自分まで途切れずに届いているかを確認できます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="321"/>
        <source>Adds your custody countersignature, writes with fsync, reads the file back and compares hashes, then marks it delivered</source>
        <translation>あなたの保管連署を加え、fsync で書き込み、読み戻してハッシュを照合してから、書き出し済みにします</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="332"/>
        <source>Outbound</source>
        <translation>送出</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="346"/>
        <source>Select a queued bundle and a volume first.</source>
        <translation>先に送出待ちのバンドルと媒体を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="351"/>
        <source>Wrote %1, read it back and checked it; marked delivered.</source>
        <translation>%1 に書き出し、読み戻して確認しました。書き出し済みにしました。</translation>
    </message>
</context>
<context>
    <name>TrustView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="101"/>
        <source>Trust</source>
        <translation>信頼</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="103"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="104"/>
        <source>Workstation</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="105"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="106"/>
        <source>Fingerprint</source>
        <translation>フィンガープリント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="107"/>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="108"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="108"/>
        <source>REVOKED %1</source>
        <translation>失効 %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="109"/>
        <source>rotated (still valid)</source>
        <translation>更新済み(有効)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="109"/>
        <source>trusted</source>
        <translation>信頼</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="112"/>
        <source>Trusted keys</source>
        <translation>信頼する鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="113"/>
        <source>Add key…</source>
        <translation>鍵を追加…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="114"/>
        <source>Revoke…</source>
        <translation>失効…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="115"/>
        <source>Export keys bundle…</source>
        <translation>鍵バンドルを書き出す…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="116"/>
        <source>This workstation&apos;s public keys, rotations and trust store, signed by you, for other workstations</source>
        <translation>この端末の公開鍵・鍵更新・信頼ストアを、あなたの署名付きで他の端末向けに</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="118"/>
        <source>Import keys bundle…</source>
        <translation>鍵バンドルを取り込む…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="126"/>
        <source>Bundles are accepted only from keys listed here and from this workstation&apos;s own users. Add another workstation&apos;s keys after reading their fingerprints with the owner over a separate channel, or import a keys bundle signed by its officer.</source>
        <translation>バンドルは、ここに載っている鍵とこの端末の利用者の鍵からのみ受け付けます。他の端末の鍵は、別の経路で所有者とフィンガープリントを読み合わせてから追加するか、その端末の保安責任者が署名した鍵バンドルを取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="143"/>
        <source>Public key to trust</source>
        <translation>信頼する公開鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="143"/>
        <source>PEM (*.pem)</source>
        <translation>PEM (*.pem)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="165"/>
        <source>Trusted %1 (%2).</source>
        <translation>%1 を信頼しました (%2)。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="169"/>
        <source>Trusting %1&apos;s key as a security officer&apos;s</source>
        <translation>%1 の鍵をセキュリティ責任者の鍵として信頼する</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="176"/>
        <source>Select a key first.</source>
        <translation>先に鍵を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="179"/>
        <source>Revoke key</source>
        <translation>鍵の失効</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="180"/>
        <source>Revoke %1&apos;s key? Every bundle it signed or countersigned is refused from now on. The key stays listed, marked revoked.</source>
        <translation>%1 の鍵を失効させますか。今後、この鍵が署名・連署したバンドルはすべて拒否されます。鍵は失効済みとして一覧に残ります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="182"/>
        <source>Revoke</source>
        <translation>失効させる</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="184"/>
        <source>Revoking %1&apos;s security officer key</source>
        <translation>%1 のセキュリティ責任者の鍵を失効させる</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="187"/>
        <source>Key revoked.</source>
        <translation>鍵を失効させました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="202"/>
        <source>Export keys bundle</source>
        <translation>鍵バンドルの書き出し</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="203"/>
        <location filename="../../nia_desktop/ui/views/trust.py" line="214"/>
        <source>NIA bundle (*.nia)</source>
        <translation>NIA バンドル (*.nia)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="210"/>
        <source>Wrote keys bundle %1 to %2.</source>
        <translation>鍵バンドル %1 を %2 に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="214"/>
        <source>Keys bundle</source>
        <translation>鍵バンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="224"/>
        <source>Importing a keys bundle that changes security officers&apos; keys</source>
        <translation>セキュリティ責任者の鍵を変更する鍵バンドルの取り込み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="226"/>
        <source>Keys bundle applied.</source>
        <translation>鍵バンドルを適用しました。</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="69"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="72"/>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="73"/>
        <source>Caps Lock appears to be on.</source>
        <translation>Caps Lock がオンになっているようです。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="78"/>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="80"/>
        <source>Unlock the vault (Enter)</source>
        <translation>保管庫のロックを解除 (Enter)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="82"/>
        <source>Open another vault…</source>
        <translation>別の保管庫を開く…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="83"/>
        <source>Restore a backup…</source>
        <translation>バックアップから復元…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="84"/>
        <source>Verify a vault backup and restore it into a new, empty folder, then unlock it there with the same passphrases</source>
        <translation>保管庫のバックアップを検証して新しい空のフォルダーに復元し、そこで同じパスフレーズでロックを解除します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="86"/>
        <source>Create a vault here…</source>
        <translation>ここに保管庫を作成…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="87"/>
        <source>First run: create a vault whose first user is a security officer</source>
        <translation>初回: 最初のユーザーが保安責任者となる保管庫を作成します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="93"/>
        <source>&amp;User</source>
        <translation>ユーザー(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="94"/>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="137"/>
        <source>Swap could write decrypted report text to disk: %1. Ask the system administrator to encrypt swap or turn it off.</source>
        <translation>スワップにより復号済みの報告本文がディスクに書き込まれるおそれがあります: %1。システム管理者にスワップの暗号化または無効化を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="151"/>
        <source>No vault here yet</source>
        <translation>ここにはまだ保管庫がありません</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="155"/>
        <source>Unlock %1</source>
        <translation>%1 のロック解除</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="160"/>
        <source>Choose a vault directory</source>
        <translation>保管庫のディレクトリを選択</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="177"/>
        <source>Restoring… checking every file of the backup</source>
        <translation>復元中… バックアップのすべてのファイルを確認しています</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="195"/>
        <source>Backup verified and restored here. Unlock it with the same passphrases; a security officer should then run Check in Vault care.</source>
        <translation>バックアップを検証し、ここに復元しました。同じパスフレーズでロックを解除してください。その後、保安責任者が「保管庫の保守」で「今すぐ確認」を実行してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="214"/>
        <source>Enter your user name and passphrase.</source>
        <translation>ユーザー名とパスフレーズを入力してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="250"/>
        <source>Unlocking… deriving your key</source>
        <translation>ロック解除中… 鍵を導出しています</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/unlock.py" line="255"/>
        <source>Locking… sealing the audit log</source>
        <translation>ロック処理中… 監査ログを封印しています</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="53"/>
        <location filename="../../nia_desktop/ui/views/users.py" line="62"/>
        <source>Users</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="55"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="56"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="57"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="57"/>
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="57"/>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="58"/>
        <source>Created (UTC)</source>
        <translation>作成日時 (UTC)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="59"/>
        <source>Signing key fingerprint</source>
        <translation>署名鍵のフィンガープリント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="63"/>
        <location filename="../../nia_desktop/ui/views/users.py" line="64"/>
        <source>Filter users</source>
        <translation>ユーザーを絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="66"/>
        <source>Add user…</source>
        <translation>ユーザーを追加…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="68"/>
        <source>Add a user with a role (Ctrl+N)</source>
        <translation>役割を指定してユーザーを追加 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="69"/>
        <source>Disable…</source>
        <translation>無効化…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="70"/>
        <source>Destroy the user&apos;s keyslot and rotate the database key</source>
        <translation>ユーザーの鍵スロットを破棄し、データベース鍵を更新します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="71"/>
        <source>Reset passphrase…</source>
        <translation>パスフレーズをリセット…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="126"/>
        <source>Adding officer %1</source>
        <translation>責任者 %1 の追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="129"/>
        <source>Added %1.</source>
        <translation>%1 を追加しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="137"/>
        <source>Disable user</source>
        <translation>ユーザーを無効化</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="138"/>
        <source>Disable %1? Their keyslot is destroyed, so their passphrase opens nothing, and the database is re-encrypted under a new key. This cannot be undone; a disabled user can only come back as a new user.</source>
        <translation>%1 を無効化しますか？ 鍵スロットが破棄されるためそのパスフレーズでは何も開けなくなり、データベースは新しい鍵で再暗号化されます。元に戻せません。無効化したユーザーは新しいユーザーとしてのみ復帰できます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="141"/>
        <source>Disable %1</source>
        <translation>%1 を無効化</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="147"/>
        <source>Disabling officer %1</source>
        <translation>責任者 %1 の無効化</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="151"/>
        <source>Disabling %1 and rotating the database key…</source>
        <translation>%1 を無効化し、データベース鍵を更新しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="163"/>
        <source>Disabled %1; the database key was rotated.</source>
        <translation>%1 を無効化し、データベース鍵を更新しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="183"/>
        <source>Reset passphrase</source>
        <translation>パスフレーズをリセット</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="193"/>
        <source>Resetting officer %1&apos;s passphrase</source>
        <translation>責任者 %1 のパスフレーズの再設定</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/users.py" line="196"/>
        <source>New passphrase set for %1. They also have a new signing key: tell them to export it again.</source>
        <translation>%1 に新しいパスフレーズを設定しました。署名鍵も新しくなったため、公開鍵を再度書き出すよう伝えてください。</translation>
    </message>
</context>
<context>
    <name>VaultCareView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="54"/>
        <source>Vault care</source>
        <translation>保管庫の保守</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="55"/>
        <source>Vault: %1</source>
        <translation>保管庫: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="59"/>
        <source>Check for damage</source>
        <translation>破損の確認</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="60"/>
        <source>Check now</source>
        <translation>今すぐ確認</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="62"/>
        <source>Check every page&apos;s authentication code, the database structure, the audit chain and the vault folder (Ctrl+Shift+K)</source>
        <translation>全ページの認証コード、データベースの構造、監査チェーン、保管庫フォルダーを確認します (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="64"/>
        <source>Not checked yet in this session.</source>
        <translation>このセッションではまだ確認していません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="66"/>
        <source>Vault check result</source>
        <translation>保管庫の確認結果</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="69"/>
        <source>What the check found</source>
        <translation>確認で検出された内容</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="72"/>
        <source>Reads the whole vault without changing it and names any damaged page, table, audit entry or folder file.</source>
        <translation>保管庫全体を変更せずに読み取り、破損したページ、テーブル、監査エントリ、フォルダー内のファイルを特定します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="81"/>
        <source>Back up</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="82"/>
        <source>Back up…</source>
        <translation>バックアップを作成…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="83"/>
        <source>Write a still-encrypted copy with a signed manifest into a new folder on the medium you choose</source>
        <translation>暗号化したままの複製を署名付きマニフェストとともに、選んだ媒体上の新しいフォルダーに書き出します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="86"/>
        <source>The copy stays encrypted and opens with the same passphrases. Keep it off this machine, with an audit checkpoint.</source>
        <translation>複製は暗号化されたままで、同じパスフレーズで開けます。監査チェックポイントとともに、この端末の外で保管してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="94"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="95"/>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="96"/>
        <source>Verify a backup and restore it into a new, empty folder</source>
        <translation>バックアップを検証し、新しい空のフォルダーに復元します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="97"/>
        <source>Audit checkpoint kept off the machine (optional)</source>
        <translation>端末の外で保管した監査チェックポイント（任意）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="98"/>
        <source>Audit checkpoint file for the restore</source>
        <translation>復元に使う監査チェックポイントファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="99"/>
        <source>Checkpoint…</source>
        <translation>チェックポイント…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="102"/>
        <source>A restore never overwrites: it writes into a new or empty folder, which you then unlock with the same passphrases.</source>
        <translation>復元で既存のデータが上書きされることはありません。新しいフォルダーまたは空のフォルダーに書き込み、そのフォルダーを同じパスフレーズでロック解除します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="112"/>
        <source>Progress</source>
        <translation>進行状況</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="115"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="166"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="172"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="178"/>
        <source>Checking the vault</source>
        <translation>保管庫を確認中</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="185"/>
        <source>✔ No damage found: every page, the audit chain and the folder check out.</source>
        <translation>✔ 破損なし: すべてのページ、監査チェーン、フォルダーに問題はありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="189"/>
        <source>✘ DAMAGED: see what was found below. Restore the vault from the last backup.</source>
        <translation>✘ 破損あり: 検出された内容は下記のとおりです。最新のバックアップから保管庫を復元してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="199"/>
        <source>Where to write the backup (a new folder is made there)</source>
        <translation>バックアップの書き出し先（そこに新しいフォルダーを作成します）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="210"/>
        <source>Backing up</source>
        <translation>バックアップ中</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="215"/>
        <source>Backup written to %1 (%2 files, audit log up to entry %3). Signed by the audit key %4.</source>
        <translation>バックアップを %1 に書き出しました（%2 ファイル、監査ログはエントリ %3 まで）。監査鍵 %4 で署名済みです。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="222"/>
        <source>Audit checkpoint</source>
        <translation>監査チェックポイント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="222"/>
        <source>Checkpoint (*.json)</source>
        <translation>チェックポイント (*.json)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="238"/>
        <source>Restoring</source>
        <translation>復元中</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/vault_care.py" line="242"/>
        <source>Restored the vault into %1 (backup of %2 by %3). Lock, then choose that folder on the unlock screen and unlock it with the same passphrases; an officer should then run Check there.</source>
        <translation>保管庫を %1 に復元しました（%3 が %2 に作成したバックアップ）。ロックしてからロック解除画面でそのフォルダーを選び、同じパスフレーズでロックを解除してください。その後、保安責任者がそこで「今すぐ確認」を実行してください。</translation>
    </message>
</context>
<context>
    <name>VolumePicker</name>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="51"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="56"/>
        <source>Volume</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="53"/>
        <source>Choose folder…</source>
        <translation>フォルダーを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="65"/>
        <source>, read-only</source>
        <translation>、読み取り専用</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="70"/>
        <source>No removable volume: choose a folder</source>
        <translation>リムーバブル媒体がありません。フォルダーを選んでください</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="73"/>
        <source>Choose the medium&apos;s folder</source>
        <translation>媒体のフォルダーを選ぶ</translation>
    </message>
</context>
<context>
    <name>WitnessDialog</name>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="112"/>
        <source>Second officer</source>
        <translation>二人目の責任者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="113"/>
        <source>%1 needs a second security officer, present at this workstation, to witness it with their own passphrase.</source>
        <translation>%1 には、この端末の前にいる二人目のセキュリティ責任者が本人のパスフレーズで立ち会う必要があります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="117"/>
        <source>Witnessing officer&apos;s name</source>
        <translation>立ち会う責任者の名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="118"/>
        <source>Witnessing officer&apos;s passphrase</source>
        <translation>立ち会う責任者のパスフレーズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="120"/>
        <source>&amp;Officer</source>
        <translation>責任者(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="121"/>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="134"/>
        <source>Name the second security officer.</source>
        <translation>二人目のセキュリティ責任者の名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/dialogs.py" line="136"/>
        <source>The second officer types their passphrase.</source>
        <translation>二人目の責任者が自分のパスフレーズを入力してください。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="72"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="73"/>
        <source>Fusion</source>
        <translation>統合分析</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="74"/>
        <source>Briefings</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="75"/>
        <source>Users</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="76"/>
        <source>Need to know</source>
        <translation>知る必要</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="78"/>
        <source>Audit</source>
        <translation>監査</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="79"/>
        <source>Insider watch</source>
        <translation>内部脅威監視</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="80"/>
        <source>Release review</source>
        <translation>公開審査</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="82"/>
        <source>Consumers</source>
        <translation>配布先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="83"/>
        <source>Ledger</source>
        <translation>配布台帳</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="84"/>
        <source>Trust</source>
        <translation>信頼</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="85"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="87"/>
        <source>Vault care</source>
        <translation>保管庫の保守</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="88"/>
        <source>Requirements</source>
        <translation>情報要求</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="90"/>
        <source>Transfer</source>
        <translation>搬送</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="91"/>
        <source>My key</source>
        <translation>自分の鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="139"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="140"/>
        <source>Signed in user and role</source>
        <translation>ログイン中のユーザーと役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="142"/>
        <source>Time until auto-lock</source>
        <translation>自動ロックまでの時間</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="143"/>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="144"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>今すぐロック (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="148"/>
        <source>NIA Desktop</source>
        <translation>NIA Desktop</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="158"/>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="175"/>
        <source>Vault: %1</source>
        <translation>保管庫: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="177"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="179"/>
        <source>Your clearance and compartments</source>
        <translation>あなたの資格区分とコンパートメント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="202"/>
        <source>The vault folder was changed outside NIA Desktop. What was found (recorded in the audit log; the folder has been rewritten from the vault):
%1</source>
        <translation>保管庫フォルダーが NIA Desktop の外で変更されました。検出された内容(監査ログに記録済み。フォルダーは保管庫の内容から書き直されました):
%1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="282"/>
        <source>Cleared: %1 · %2</source>
        <translation>資格：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="283"/>
        <source>no compartments</source>
        <translation>コンパートメントなし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="285"/>
        <source>You read reports marked up to %1 that carry only compartments you hold. An officer changes this in Need to know.</source>
        <translation>%1までの区分で、保持しているコンパートメントだけを付した報告を閲覧できます。変更は保全担当官が「知る必要」で行います。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="347"/>
        <source>Locks in %1</source>
        <translation>%1 後にロック</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../nia_desktop/app.py" line="85"/>
        <source>Demo vault (throwaway, deleted on exit): officer / demo-officer-pass, reviewer / demo-reviewer-pass (second officer), analyst / demo-analyst-pass, courier / demo-courier-pass</source>
        <translation>デモ用保管庫(終了時に削除): officer / demo-officer-pass、reviewer / demo-reviewer-pass(二人目の責任者)、analyst / demo-analyst-pass、courier / demo-courier-pass</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../nia_desktop/ui/errors.py" line="37"/>
        <source>Something went wrong (reference %1). Nothing was changed; details are in the log.</source>
        <translation>問題が発生しました（参照番号 %1）。何も変更されていません。詳細はログにあります。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/errors.py" line="44"/>
        <source>The vault database in %1 is damaged</source>
        <translation>%1 の保管庫データベースが破損しています</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/errors.py" line="45"/>
        <source>The vault database is damaged</source>
        <translation>保管庫データベースが破損しています</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/errors.py" line="46"/>
        <source>%1 (%2). A security officer should run Check in the Vault care view, or `nia vault check` (which works even when the vault no longer unlocks), to see what is damaged, then restore the vault from the last backup (Restore a backup… on the unlock screen, or `nia vault restore`).</source>
        <translation>%1（%2）。保安責任者が「保管庫の保守」画面の「今すぐ確認」、または `nia vault check`（保管庫のロックを解除できなくなっていても実行できます）で破損箇所を確認し、最新のバックアップから保管庫を復元してください（ロック解除画面の「バックアップから復元…」、または `nia vault restore`）。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/errors.py" line="56"/>
        <source>Authentication failed: check the user name and passphrase.</source>
        <translation>認証に失敗しました。ユーザー名とパスフレーズを確認してください。</translation>
    </message>
</context>
</TS>
