<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
        <source>Recompute every hash and check the signed heads (Ctrl+Shift+V)</source>
        <translation type="vanished">すべてのハッシュを再計算し、署名済みヘッドを確認します (Ctrl+Shift+V)</translation>
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
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="78"/>
        <source>Briefings</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="86"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="148"/>
        <source>Case</source>
        <translation>事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="88"/>
        <source>Briefing title</source>
        <translation>ブリーフィングの表題</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="90"/>
        <source>Two or three sentences for the Prime Minister&apos;s Office</source>
        <translation>総理大臣官邸向けに二、三文で</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="91"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="129"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="152"/>
        <source>Summary</source>
        <translation>要旨</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="94"/>
        <source>Reports to include</source>
        <translation>含める報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="96"/>
        <source>Entities to name</source>
        <translation>記載するエンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="98"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="103"/>
        <source>Key judgements</source>
        <translation>主要な判断</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="101"/>
        <source>Reports</source>
        <translation>報告</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="102"/>
        <source>Entities</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="104"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="383"/>
        <source>Tearline version</source>
        <translation>ティアライン版</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="107"/>
        <source>A version for a lower level or without some caveats: it is built only from what the line allows, with its own title and summary, and is reviewed and approved on its own.</source>
        <translation>より低い区分向け、または一部の付記を除いた版です。ラインが許す内容だけから作られ、独自の表題と要約を持ち、単独で審査・承認されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="111"/>
        <source>Highest level of the tearline version</source>
        <translation>ティアライン版の最高区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="116"/>
        <source>Caveats to leave out</source>
        <translation>除外する付記</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="119"/>
        <source>Tearline title</source>
        <translation>ティアライン版の表題</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="121"/>
        <source>Tearline summary</source>
        <translation>ティアライン版の要約</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="122"/>
        <source>The summary for this version: only what its line allows (the full summary is not carried below the line)</source>
        <translation>この版の要約：ラインが許す内容のみ（完全版の要約はラインの下に持ち込まれません）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="126"/>
        <source>Up to</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="127"/>
        <source>Leave out</source>
        <translation>除外</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="133"/>
        <source>Marking of the product</source>
        <translation>成果物の表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="136"/>
        <source>optional: age1… recipients, comma separated</source>
        <translation>任意: age1… の受信者(カンマ区切り)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="137"/>
        <source>Encrypt to recipients</source>
        <translation>受信者向けに暗号化</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="138"/>
        <source>The bundle is encrypted with age to these recipients, named inside the signed manifest; any other workstation refuses it.</source>
        <translation>バンドルはこれらの受信者向けに age で暗号化され、受信者は署名付きマニフェストに記載されます。他の端末は受け付けません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="140"/>
        <source>Preview PDF</source>
        <translation>PDF をプレビュー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="141"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="318"/>
        <source>Export to file…</source>
        <translation>ファイルに書き出す…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="142"/>
        <source>Sign the briefing into a bundle file (Ctrl+E)</source>
        <translation>ブリーフィングに署名してバンドルファイルにする (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="143"/>
        <source>Queue for courier</source>
        <translation>運搬担当に回す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="144"/>
        <source>Keep the signed bundle in the vault until a courier writes it to media</source>
        <translation>運搬担当が媒体に書き出すまで、署名済みバンドルを保管庫に置く</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="162"/>
        <source>This briefing will be marked</source>
        <translation>このブリーフィングの表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="128"/>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="151"/>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <source>This briefing will be classified</source>
        <translation type="vanished">このブリーフィングの区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="227"/>
        <source>No cases yet: create one in Fusion, then compose its briefing here.</source>
        <translation>事案がまだありません。融合で事案を作成してから、ここでブリーフィングを作成してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="252"/>
        <source>Any release list (REL TO …)</source>
        <translation>すべての提供先リスト（REL TO …）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="256"/>
        <source>A key judgement cites this report</source>
        <translation>主要な判断がこの報告を根拠としています</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="266"/>
        <source>No assessments on this case yet: record them in Fusion.</source>
        <translation>この事案にはまだ評価がありません。融合で記録してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="299"/>
        <source>Two-person rule: an officer reviews and approves this briefing before it can be exported. Exporting now queues the review; export again once approved.</source>
        <translation>二人制: 書き出しの前に保安責任者がこのブリーフィングを審査・承認します。今書き出すと審査が依頼されます。承認後にもう一度書き出してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="303"/>
        <source>No release review needed at this classification.</source>
        <translation>この区分では公開審査は不要です。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="305"/>
        <source>This tearline version is a product of its own: its own review and approval.</source>
        <translation>このティアライン版は独立した成果物です。審査と承認も個別に行います。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="319"/>
        <source>Request release review</source>
        <translation>公開審査を依頼</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="319"/>
        <source>Waiting for review…</source>
        <translation>審査待ち…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="323"/>
        <source>Rejected by %1: %2. Change the briefing, then request a review again.</source>
        <translation>%1 が差し戻しました: %2。ブリーフィングを変更してから、もう一度審査を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="336"/>
        <source>Write the tearline version&apos;s summary to preview it.</source>
        <translation>プレビューするには、ティアライン版の要約を書いてください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="365"/>
        <source>Export briefing bundle</source>
        <translation>ブリーフィングバンドルを書き出す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="366"/>
        <source>NIA bundle (*.nia)</source>
        <translation>NIA バンドル (*.nia)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="385"/>
        <source>the courier&apos;s outbound queue</source>
        <translation>運搬担当の送出待ち</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="386"/>
        <source>Signed briefing bundle written to %1.</source>
        <translation>署名済みブリーフィングバンドルを %1 に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="389"/>
        <source>Release review %1 requested: an officer must approve this briefing. Nothing was written.</source>
        <translation>公開審査 %1 を依頼しました。保安責任者の承認が必要です。何も書き出していません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/briefings/composer.py" line="393"/>
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
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="36"/>
        <source>Near-duplicate groups</source>
        <translation>重複候補のグループ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="39"/>
        <source>First report of the pair</source>
        <translation>比較する 1 件目のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="40"/>
        <source>Second report of the pair</source>
        <translation>比較する 2 件目のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="41"/>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="42"/>
        <source>Show the two reports side by side (opening them is audited)</source>
        <translation>2 件のレポートを並べて表示します（閲覧は監査記録されます）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="66"/>
        <source>%1 reports: %2</source>
        <translation>%1 件のレポート: %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/duplicates_panel.py" line="93"/>
        <source>%1 lines only on the left, %2 only on the right</source>
        <translation>左だけの行 %1、右だけの行 %2</translation>
    </message>
</context>
<context>
    <name>FusionView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="63"/>
        <source>Fusion</source>
        <translation>統合分析</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="66"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="90"/>
        <source>Case</source>
        <translation>事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="67"/>
        <source>Fuse every report, or one case&apos;s</source>
        <translation>すべてのレポート、または一つの事案を統合します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="68"/>
        <source>Fuse</source>
        <translation>統合</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="70"/>
        <source>Run fusion again (F5)</source>
        <translation>統合をやり直す (F5)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="71"/>
        <source>Not fused yet in this session.</source>
        <translation>このセッションではまだ統合していません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="72"/>
        <source>Fusion status</source>
        <translation>統合の状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="74"/>
        <source>Case:</source>
        <translation>事案:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="81"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="116"/>
        <source>Entities</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="82"/>
        <source>Corroboration</source>
        <translation>裏付け</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="88"/>
        <source>Near-duplicates</source>
        <translation>重複候補</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="92"/>
        <source>Assessments</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="93"/>
        <source>Judgements</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="130"/>
        <source>Confirm as resolved…</source>
        <translation>この解決を確定…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="143"/>
        <source>Select entities and right-click to merge, split, confirm or mark them as different (Ctrl+M merges). Your judgements are kept and beat the automatic rules.</source>
        <translation>エンティティを選び右クリックで統合・分離・確定・別物の記録ができます (Ctrl+M で統合)。分析官の判断は保存され、自動規則より優先されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="285"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="296"/>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="286"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="287"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="289"/>
        <source>Agencies</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="290"/>
        <source>Sources</source>
        <translation>情報源数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="283"/>
        <source>single source</source>
        <translation>単一情報源</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="291"/>
        <source>Aliases</source>
        <translation>別名</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="120"/>
        <source>Filter: name, alias, kind, agency…</source>
        <translation>絞り込み: 名前、別名、種別、機関…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="84"/>
        <source>Link graph</source>
        <translation>関連図</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="86"/>
        <source>Timeline</source>
        <translation>時系列</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="121"/>
        <source>Filter entities</source>
        <translation>エンティティを絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="123"/>
        <source>Merge selected…</source>
        <translation>選択したものを統合…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="126"/>
        <source>Mark as different…</source>
        <translation>別物として記録…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="128"/>
        <source>Split off reports…</source>
        <translation>レポートを分離…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="134"/>
        <source>Entity details</source>
        <translation>エンティティの詳細</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="135"/>
        <source>Select an entity to see its aliases, reports, the agencies that report it and why its names were merged.</source>
        <translation>エンティティを選ぶと、別名、レポート、報告した機関、名前を統合した理由を表示します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="157"/>
        <source>Corroboration matrix: entities by agencies</source>
        <translation>裏付け表: エンティティ × 機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="161"/>
        <source>How many reports from each agency mention each entity. Entities one agency alone reports are marked single source.</source>
        <translation>各エンティティに言及した各機関のレポート数です。一つの機関だけが報告しているものは単一情報源と表示します。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="170"/>
        <source>Judgement log</source>
        <translation>判断の記録</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="171"/>
        <source>Undo selected judgement</source>
        <translation>選択した判断を取り消す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="172"/>
        <source>Revoke it: it stays in the log, marked as revoked, and fusion runs again</source>
        <translation>取り消します。記録には取り消し済みとして残り、統合をやり直します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="177"/>
        <source>Every merge, split and &apos;different&apos; made by an analyst: who, when, why.</source>
        <translation>分析官が行った統合・分離・別物の判断すべて: 誰が、いつ、なぜ。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="187"/>
        <source>#%1 %2 by %3 at %4: %5</source>
        <translation>#%1 %2（%3、%4）: %5</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="190"/>
        <source> (revoked by %1)</source>
        <translation>（%1 が取り消し）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="199"/>
        <source>Select a judgement that is still in force.</source>
        <translation>有効な判断を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="202"/>
        <source>Judgement revoked.</source>
        <translation>判断を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="214"/>
        <source>Added %1 reports to the case.</source>
        <translation>%1 件のレポートを事案に追加しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="222"/>
        <source>All reports</source>
        <translation>すべてのレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="242"/>
        <source>%1 reports imported since this fusion: press F5 to fuse again</source>
        <translation>この統合の後に %1 件のレポートを取り込みました。F5 で統合をやり直します</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="254"/>
        <source>Fusing…</source>
        <translation>統合中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="288"/>
        <source>Mentions</source>
        <translation>言及数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="295"/>
        <source>Entity</source>
        <translation>エンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="299"/>
        <source>Independent agencies</source>
        <translation>独立した機関の数</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="300"/>
        <source>Gradings</source>
        <translation>評価区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="301"/>
        <source>First seen</source>
        <translation>初出</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="302"/>
        <source>Last seen</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="321"/>
        <source>%1 entities, %2 linked report pairs, %3 near-duplicate groups</source>
        <translation>エンティティ %1 件、関連するレポートの組 %2 件、重複候補 %3 グループ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="325"/>
        <source> (with %1 reports imported since, fused as they arrived; F5 fuses all again)</source>
        <translation>（その後に取り込んだ %1 件を取り込み時に統合済み。F5 で全体を統合し直します）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="379"/>
        <source>Aliases: %1</source>
        <translation>別名: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="380"/>
        <source>Agencies: %1</source>
        <translation>機関: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="381"/>
        <source> — single source</source>
        <translation> — 単一情報源</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="382"/>
        <source>Gradings: %1</source>
        <translation>評価区分: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="383"/>
        <source>First seen %1, last seen %2</source>
        <translation>初出 %1、最新 %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="384"/>
        <source>Reports:</source>
        <translation>レポート:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="390"/>
        <source>Mentions (report: as written, at characters):</source>
        <translation>言及（レポート: 表記、文字位置）:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="395"/>
        <source>Why these were merged:</source>
        <translation>統合した理由:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="417"/>
        <source>Select two or more entities to merge.</source>
        <translation>統合するエンティティを 2 つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="420"/>
        <source>Merge entities</source>
        <translation>エンティティを統合</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="420"/>
        <source>Merge %1 into one entity? Why:</source>
        <translation>%1 を一つのエンティティに統合しますか？ 理由:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="425"/>
        <source>Merged. The Judgements tab can undo it.</source>
        <translation>統合しました。「判断」タブで取り消せます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="430"/>
        <source>Select exactly two entities.</source>
        <translation>エンティティをちょうど 2 つ選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="432"/>
        <source>Different entities</source>
        <translation>別のエンティティ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="432"/>
        <source>Never merge %1 and %2? Why:</source>
        <translation>%1 と %2 を今後統合しないようにしますか？ 理由:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="438"/>
        <source>Recorded: they will be kept apart.</source>
        <translation>記録しました: 今後は別々に扱います。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="443"/>
        <source>Select one entity to split.</source>
        <translation>分離するエンティティを 1 つ選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="446"/>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="456"/>
        <source>Split entity</source>
        <translation>エンティティを分離</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="447"/>
        <source>Which of its reports are about someone or something else? Report numbers (%1):</source>
        <translation>別の人物・対象について述べているレポートはどれですか？ レポート番号 (%1):</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="454"/>
        <source>Report numbers are whole numbers, separated by commas.</source>
        <translation>レポート番号は整数をカンマで区切って入力してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="456"/>
        <source>Why are they different?</source>
        <translation>なぜ別物なのですか？</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="461"/>
        <source>Split recorded.</source>
        <translation>分離を記録しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="466"/>
        <source>Select one entity to confirm.</source>
        <translation>確定するエンティティを一つ選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="468"/>
        <source>Confirm entity</source>
        <translation>エンティティを確定</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="469"/>
        <source>Its names stay one entity through every re-fusion. Why is it right? (optional)</source>
        <translation>その名前は今後の統合でも一つのエンティティのまま保たれます。正しいと判断した理由は?（任意）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/view.py" line="474"/>
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
        <source>Keys bundle signed by %1:</source>
        <translation type="vanished">%1 が署名した鍵バンドル:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/trust.py" line="92"/>
        <source>Apply these changes</source>
        <translation>この変更を適用</translation>
    </message>
</context>
<context>
    <name>LinkGraph</name>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/graph.py" line="90"/>
        <source>Link graph of entities and reports</source>
        <translation>エンティティとレポートの関連図</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="277"/>
        <source>Swap could write decrypted report text to disk: %1. Ask the system administrator to encrypt swap or turn it off.</source>
        <translation>スワップにより復号済みの報告本文がディスクに書き込まれるおそれがあります: %1。システム管理者にスワップの暗号化または無効化を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="64"/>
        <location filename="../../nia_desktop/ui/main_window.py" line="243"/>
        <source>NIA Desktop</source>
        <translation>NIA Desktop</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="94"/>
        <source>Locked after inactivity.</source>
        <translation>操作がなかったためロックしました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="100"/>
        <location filename="../../nia_desktop/ui/main_window.py" line="258"/>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="105"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="106"/>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="109"/>
        <location filename="../../nia_desktop/ui/main_window.py" line="186"/>
        <source>Locked.</source>
        <translation>ロックしました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="112"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="117"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="118"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="120"/>
        <location filename="../../nia_desktop/ui/main_window.py" line="128"/>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="126"/>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="128"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="129"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="136"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="137"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="141"/>
        <source>&amp;About NIA Desktop</source>
        <translation>NIA Desktop について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="146"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="147"/>
        <source>Ctrl+L  lock now
Ctrl+Q  quit
Ctrl+F  search reports (Reports)
Ctrl+I  import (Reports)
Ctrl+Shift+M  re-mark the open report: level, caveats, reason (Reports)
F5  fuse again (Fusion)
Ctrl+M  merge selected entities (Fusion)
Ctrl+E  export the briefing (Briefings)
Ctrl+N  add a user (Users)
Ctrl+Shift+L  set the selected user&apos;s clearance (Need to know)
Ctrl+G  grant a compartment (Need to know)
Delete  take the selected compartment away (Need to know)
Ctrl+Shift+N  define a compartment or control (Need to know)
Ctrl+Shift+V  verify the audit chain (Audit)
F1  this list

The status line shows your clearance and the compartments you hold today. A report above your clearance, or carrying a compartment you do not hold, is absent from every list; opening it is refused and recorded.</source>
        <translation>Ctrl+L  今すぐロック
Ctrl+Q  終了
Ctrl+F  報告を検索（報告）
Ctrl+I  取り込み（報告）
Ctrl+Shift+M  開いている報告の表示変更：区分・付記・理由（報告）
F5  再度融合（融合）
Ctrl+M  選択したエンティティを統合（融合）
Ctrl+E  ブリーフィングを書き出し（ブリーフィング）
Ctrl+N  利用者を追加（利用者）
Ctrl+Shift+L  選択した利用者の資格区分を設定（知る必要）
Ctrl+G  コンパートメントを付与（知る必要）
Delete  選択したコンパートメントを取り消し（知る必要）
Ctrl+Shift+N  コンパートメントまたは配布統制を定義（知る必要）
Ctrl+Shift+V  監査チェーンを検証（監査）
F1  この一覧

ステータス行に、あなたの資格区分と本日保持しているコンパートメントが表示されます。資格区分より上の報告や、保持していないコンパートメントを付した報告は、どの一覧にも現れません。開こうとすると拒否され、記録されます。</translation>
    </message>
    <message>
        <source>Ctrl+L  lock now
Ctrl+Q  quit
Ctrl+F  search reports (Reports)
Ctrl+I  import (Reports)
F5  fuse again (Fusion)
Ctrl+M  merge selected entities (Fusion)
Ctrl+E  export the briefing (Briefings)
Ctrl+N  add a user (Users)
Ctrl+Shift+V  verify the audit chain (Audit)
F1  this list</source>
        <translation type="vanished">Ctrl+L  今すぐロック
Ctrl+Q  終了
Ctrl+F  レポートを検索（レポート）
Ctrl+I  取り込み（レポート）
F5  統合をやり直す（統合分析）
Ctrl+M  選択したエンティティを統合（統合分析）
Ctrl+E  ブリーフィングを書き出す（ブリーフィング）
Ctrl+N  ユーザーを追加（ユーザー）
Ctrl+Shift+V  監査チェーンを検証（監査）
F1  この一覧</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="162"/>
        <source>About NIA Desktop</source>
        <translation>NIA Desktop について</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="163"/>
        <source>NIA Desktop %1
Intelligence-fusion workstation for air-gapped machines.</source>
        <translation>NIA Desktop %1
エアギャップ環境のための情報融合ワークステーション。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="180"/>
        <source>NIA Desktop: %1</source>
        <translation>NIA Desktop: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="182"/>
        <source>Unlocked as %1</source>
        <translation>%1 としてロック解除しました</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="231"/>
        <source>Locking when the current task finishes…</source>
        <translation>現在の処理が終わり次第ロックします…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="247"/>
        <source>Locking…</source>
        <translation>ロック処理中…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="314"/>
        <source>Creating the vault and calibrating key derivation…</source>
        <translation>保管庫を作成し、鍵導出を調整しています…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/main_window.py" line="324"/>
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
    <name>ReaderPane</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="38"/>
        <source>Report text</source>
        <translation>レポート本文</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="64"/>
        <source>Select a report to read it. Opening a report is recorded in the audit log.</source>
        <translation>レポートを選ぶと本文を表示します。レポートを開いたことは監査ログに記録されます。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="82"/>
        <source>Marking: %1</source>
        <translation>表示：%1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="95"/>
        <source>as marked</source>
        <translation>表示どおり</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="96"/>
        <source>default: no marking found</source>
        <translation>既定値: 区分表示なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="108"/>
        <source>Agency</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="109"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="109"/>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="111"/>
        <source>not stated</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="vanished">区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="110"/>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="131"/>
        <source>Marking</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="111"/>
        <source>Grading</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="112"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="113"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="114"/>
        <source>Source</source>
        <translation>出所</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="115"/>
        <source>Volume</source>
        <translation>ボリューム</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="116"/>
        <source>Imported</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="118"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="119"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="122"/>
        <source>Attached to</source>
        <translation>添付元</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="122"/>
        <source>report %1</source>
        <translation>レポート %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/reader.py" line="124"/>
        <source>Attachments</source>
        <translation>添付</translation>
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
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="59"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="59"/>
        <source>Agency</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="59"/>
        <source>Title</source>
        <translation>表題</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="59"/>
        <source>Classification</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="60"/>
        <source>Grading</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/model.py" line="60"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="59"/>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="122"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="60"/>
        <source>Search reports: words, &quot;phrases&quot;, prefix*, AND OR NOT</source>
        <translation>レポートを検索: 語、&quot;語句&quot;、前方一致*、AND OR NOT</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="61"/>
        <source>Search reports</source>
        <translation>レポートを検索</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="65"/>
        <source>Agency filter</source>
        <translation>機関で絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="67"/>
        <source>Classification filter</source>
        <translation>区分で絞り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="68"/>
        <source>Any classification</source>
        <translation>すべての区分</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="70"/>
        <source>%1 and above</source>
        <translation>%1 以上</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="72"/>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="72"/>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="76"/>
        <source>any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="79"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="82"/>
        <source>Import reports from removable media, a folder or files (Ctrl+I)</source>
        <translation>リムーバブルメディア、フォルダー、ファイルからレポートを取り込みます (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="83"/>
        <source>Import history…</source>
        <translation>取り込み履歴…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="84"/>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="253"/>
        <source>Add to case…</source>
        <translation>事案に追加…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="86"/>
        <source>Add the selected reports to a case, or a new one (Ctrl+K)</source>
        <translation>選択したレポートを事案（または新しい事案）に追加します (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="88"/>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="249"/>
        <source>Re-mark…</source>
        <translation>表示変更…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="90"/>
        <source>Change the open report&apos;s level and caveats, with a reason that is audited (Ctrl+Shift+M)</source>
        <translation>開いている報告の区分と付記を変更します。理由は監査されます（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="106"/>
        <source>Agency</source>
        <translation>機関</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="109"/>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="111"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="171"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="198"/>
        <source>%1 matches</source>
        <translation>%1 件一致</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="200"/>
        <source>%1 reports</source>
        <translation>%1 件のレポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="247"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="295"/>
        <source>Re-marked report %1 as %2. Your clearance does not cover that marking, so it is hidden from you now.</source>
        <translation>報告 %1 の表示を %2 に変更しました。その表示はあなたの資格区分の範囲外のため、今後は表示されません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="299"/>
        <source>Re-marked report %1 as %2.</source>
        <translation>報告 %1 の表示を %2 に変更しました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="327"/>
        <source>Add to case</source>
        <translation>事案に追加</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="328"/>
        <source>Add %1 reports to the case (type a new name to create one):</source>
        <translation>%1 件のレポートを追加する事案（新しい名前を入力すると作成します）:</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="334"/>
        <source>New case</source>
        <translation>新しい事案</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="334"/>
        <source>Create the case &quot;%1&quot;?</source>
        <translation>事案「%1」を作成しますか?</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/reports/view.py" line="345"/>
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
        <source>Weakening a safeguard (release review or the default classification)</source>
        <translation type="vanished">安全措置の緩和(リリース審査または既定の秘密区分)</translation>
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
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="37"/>
        <source>Timeline of reports per agency</source>
        <translation>機関ごとのレポートの時系列</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/fusion/timeline.py" line="45"/>
        <source>No dated reports to show.</source>
        <translation>日付のあるレポートがありません。</translation>
    </message>
</context>
<context>
    <name>TransferView</name>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="88"/>
        <source>Transfer</source>
        <translation>搬送</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="101"/>
        <source>Scan and verify</source>
        <translation>走査して検証</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="102"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="107"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="248"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="108"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="249"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="109"/>
        <source>Verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="109"/>
        <source>verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="109"/>
        <source>REFUSED</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="110"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="202"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="247"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="111"/>
        <source>Signer</source>
        <translation>署名者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="112"/>
        <source>Custody</source>
        <translation>保管経路</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="112"/>
        <source>%1 hop(s), complete</source>
        <translation>中継 %1 回・途切れなし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="113"/>
        <source>%1 hop(s), INCOMPLETE</source>
        <translation>中継 %1 回・不完全</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="115"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="118"/>
        <source>Bundles on the volume</source>
        <translation>媒体上のバンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="119"/>
        <source>Choose the courier&apos;s volume, then Scan and verify: every bundle on it is checked (signature, signer, custody, every byte) before you receive it.</source>
        <translation>運搬用の媒体を選び、「走査して検証」を押してください。受領の前に、媒体上のすべてのバンドルを検証します(署名、署名者、保管経路、全バイト)。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="122"/>
        <source>Receive selected</source>
        <translation>選択したものを受領</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="123"/>
        <source>Verify again and queue the bundle for an analyst</source>
        <translation>再検証して分析官向けの受領待ちに入れる</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="141"/>
        <source>Inbound</source>
        <translation>受け入れ</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="149"/>
        <source>Choose a volume or folder first.</source>
        <translation>先に媒体かフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="174"/>
        <source>%1 bundle(s) found: %2 verified, %3 refused.</source>
        <translation>バンドル %1 件: 検証済み %2 件、拒否 %3 件。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="181"/>
        <source>Select a bundle first.</source>
        <translation>先にバンドルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="184"/>
        <source>That bundle was refused: %1</source>
        <translation>このバンドルは拒否されました: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="189"/>
        <source>Already received: nothing added.</source>
        <translation>受領済みです。追加はありません。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="190"/>
        <source>Received %1 bundle from %2; queued for an analyst.</source>
        <translation>%2 からの %1 バンドルを受領し、分析官向けの待ち行列に入れました。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="201"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="221"/>
        <source>Received</source>
        <translation>受領済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="203"/>
        <source>Bundle</source>
        <translation>バンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="204"/>
        <source>Signer key</source>
        <translation>署名鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="205"/>
        <source>Sequence</source>
        <translation>通番</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="206"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="252"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="209"/>
        <source>Received bundles</source>
        <translation>受領したバンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="210"/>
        <source>Accept into the vault</source>
        <translation>保管庫に取り込む</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="211"/>
        <source>Check the bundle again and import its reports, deduplicated, with custody naming the bundle and its signer</source>
        <translation>バンドルを再検証し、重複を除いて報告を取り込みます。保管記録にはバンドルと署名者が残ります</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="229"/>
        <source>Select a received bundle first.</source>
        <translation>先に受領したバンドルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="235"/>
        <source>Accepted: %1 imported, %2 duplicates, %3 refused.</source>
        <translation>取り込み完了: 取り込み %1 件、重複 %2 件、拒否 %3 件。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="246"/>
        <source>Queued</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="250"/>
        <source>Encrypted</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="250"/>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="250"/>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="251"/>
        <source>By</source>
        <translation>登録者</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="253"/>
        <source>delivered to %1</source>
        <translation>%1 に書き出し済み</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="256"/>
        <source>Bundles to write out</source>
        <translation>書き出すバンドル</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="263"/>
        <source>Write to volume</source>
        <translation>媒体に書き出す</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="259"/>
        <source>Hand to</source>
        <translation>引き渡し先</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="260"/>
        <source>Hand to: next courier&apos;s name or key, or the workstation&apos;s age1…</source>
        <translation>引き渡し先: 次の運搬担当の名前または鍵、あるいは端末の age1…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="261"/>
        <source>Recorded in your custody hop: the next courier&apos;s hop must be theirs, and the receiving side sees whether the chain reaches it</source>
        <translation>あなたの保管連署に記録されます。次の連署はその運搬担当本人のものでなければならず、受領側は保管経路が自分まで途切れずに届いているかを確認できます</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="264"/>
        <source>Adds your custody countersignature, writes with fsync, reads the file back and compares hashes, then marks it delivered</source>
        <translation>あなたの保管連署を加え、fsync で書き込み、読み戻してハッシュを照合してから、書き出し済みにします</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="275"/>
        <source>Outbound</source>
        <translation>送出</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="289"/>
        <source>Select a queued bundle and a volume first.</source>
        <translation>先に送出待ちのバンドルと媒体を選んでください。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="294"/>
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
        <source>The backup folder to restore</source>
        <translation type="vanished">復元するバックアップのフォルダー</translation>
    </message>
    <message>
        <source>An empty folder to restore into</source>
        <translation type="vanished">復元先の空のフォルダー</translation>
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
        <source>The backup folder to restore</source>
        <translation type="vanished">復元するバックアップのフォルダー</translation>
    </message>
    <message>
        <source>An empty folder to restore into</source>
        <translation type="vanished">復元先の空のフォルダー</translation>
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
        <location filename="../../nia_desktop/ui/views/transfer.py" line="49"/>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="54"/>
        <source>Volume</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="51"/>
        <source>Choose folder…</source>
        <translation>フォルダーを選ぶ…</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="63"/>
        <source>, read-only</source>
        <translation>、読み取り専用</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="68"/>
        <source>No removable volume: choose a folder</source>
        <translation>リムーバブル媒体がありません。フォルダーを選んでください</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/views/transfer.py" line="71"/>
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
        <location filename="../../nia_desktop/ui/workspace.py" line="65"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="66"/>
        <source>Fusion</source>
        <translation>統合分析</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="67"/>
        <source>Briefings</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="68"/>
        <source>Users</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="69"/>
        <source>Need to know</source>
        <translation>知る必要</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="71"/>
        <source>Audit</source>
        <translation>監査</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="72"/>
        <source>Release review</source>
        <translation>公開審査</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="74"/>
        <source>Trust</source>
        <translation>信頼</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="75"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="77"/>
        <source>Vault care</source>
        <translation>保管庫の保守</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="78"/>
        <source>Requirements</source>
        <translation>情報要求</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="80"/>
        <source>Transfer</source>
        <translation>搬送</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="81"/>
        <source>My key</source>
        <translation>自分の鍵</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="97"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="98"/>
        <source>Signed in user and role</source>
        <translation>ログイン中のユーザーと役割</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="100"/>
        <source>Time until auto-lock</source>
        <translation>自動ロックまでの時間</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="101"/>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="102"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>今すぐロック (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="106"/>
        <source>NIA Desktop</source>
        <translation>NIA Desktop</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="116"/>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="140"/>
        <source>Vault: %1</source>
        <translation>保管庫: %1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="142"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="144"/>
        <source>Your clearance and compartments</source>
        <translation>あなたの資格区分とコンパートメント</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="167"/>
        <source>The vault folder was changed outside NIA Desktop. What was found (recorded in the audit log; the folder has been rewritten from the vault):
%1</source>
        <translation>保管庫フォルダーが NIA Desktop の外で変更されました。検出された内容(監査ログに記録済み。フォルダーは保管庫の内容から書き直されました):
%1</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="192"/>
        <source>Cleared: %1 · %2</source>
        <translation>資格：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="193"/>
        <source>no compartments</source>
        <translation>コンパートメントなし</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="195"/>
        <source>You read reports marked up to %1 that carry only compartments you hold. An officer changes this in Need to know.</source>
        <translation>%1までの区分で、保持しているコンパートメントだけを付した報告を閲覧できます。変更は保全担当官が「知る必要」で行います。</translation>
    </message>
    <message>
        <location filename="../../nia_desktop/ui/workspace.py" line="237"/>
        <source>Locks in %1</source>
        <translation>%1 後にロック</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo vault (throwaway, deleted on exit): officer / demo-officer-pass, analyst / demo-analyst-pass, courier / demo-courier-pass</source>
        <translation type="vanished">デモ用保管庫（終了時に削除）: officer / demo-officer-pass、analyst / demo-analyst-pass、courier / demo-courier-pass</translation>
    </message>
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
