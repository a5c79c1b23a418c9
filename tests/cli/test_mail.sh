# kickoff mail: the minutes as a MIME message, read back by Python's
# email package (policy=default) and its calendar by python3-icalendar;
# --send through a stand-in sendmail that keeps what it is given.
ko project add 阿波罗 --lang zh >/dev/null
ko meeting add 阿波罗 ko --at '2026-11-26 10:00' --host 王芳 >/dev/null
ko attendee add 阿波罗/ko 王芳 --email wang@example.com --status present >/dev/null
ko attendee add 阿波罗/ko Bob --email bob@example.com >/dev/null
ko attendee add 阿波罗/ko 李雷 --email li@example.com --status regrets >/dev/null
ko attendee add 阿波罗/ko Cy >/dev/null
ko decision add 阿波罗/ko '采用微服务架构' >/dev/null
ko action add 阿波罗/ko 'Draft the plan' --owner Bob --due 2026-12-01 >/dev/null
ko action add 阿波罗/ko 'Book the room' --owner Cy >/dev/null

# Prints what a message says, one fact a line, from the file in $1.
read_mail() {
	/usr/bin/python3 -c '
import sys, email, email.policy, icalendar
msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print("subject", msg["subject"], sep="|")
print("from", msg["from"].addresses[0].display_name, msg["from"].addresses[0].addr_spec, sep="|")
print("to", ",".join(a.addr_spec for a in msg["to"].addresses), sep="|")
print("to names", ",".join(a.display_name for a in msg["to"].addresses), sep="|")
print("mime", msg["mime-version"], msg.get_content_type(), sep="|")
print("defects", len(msg.defects), sep="|")
text = msg.get_body(preferencelist=("plain",))
print("text", text.get_content_type(), text.get_content_charset(), sep="|")
for line in text.get_content().splitlines():
    print("line", line, sep="|")
atts = list(msg.iter_attachments())
print("attachments", len(atts), sep="|")
for a in atts:
    print("attachment", a.get_content_type(), a.get_filename(), a.get_param("method"), sep="|")
    cal = icalendar.Calendar.from_ical(a.get_content())
    print("METHOD", cal.get("METHOD"), sep="|")
    for c in cal.walk():
        if c.name in ("VEVENT", "VTODO"):
            att = c.get("ATTENDEE", [])
            att = att if isinstance(att, list) else [att]
            print(c.name, str(c.get("SUMMARY")), str(c.get("ORGANIZER", "-")),
                  ";".join("%s=%s" % (str(x), x.params.get("PARTSTAT", "-")) for x in att), sep="|")
' "$1"
}

expect_exit 0 "mail writes the message" ko mail 阿波罗/ko
printf '%s\n' "$OUT" > out.eml
got=$(read_mail out.eml)
expect_match "the subject decodes to the Chinese one" "$got" '^subject\|会议纪要：阿波罗 启动会 2026-11-26$'
expect_match "the subject is encoded in the header" "$(grep -i '^Subject:' out.eml)" '^Subject: =\?UTF-8\?'
expect_match "from the host" "$got" '^from\|王芳\|wang@example.com$'
expect_match "to the attendees with an address" "$got" '^to\|wang@example.com,bob@example.com,li@example.com$'
expect_match "with their names" "$got" '^to names\|王芳,Bob,李雷$'
expect_match "MIME, multipart" "$got" '^mime\|1.0\|multipart/mixed$'
expect_match "no defects" "$got" '^defects\|0$'
expect_match "the text is plain UTF-8" "$got" '^text\|text/plain\|utf-8$'
expect_match "the text holds the decision" "$got" '^line\|.*采用微服务架构'
expect_match "the text is in the meeting's language" "$got" '^line\|## 决策$'
expect_match "one attachment, the calendar" "$got" '^attachments\|1$'
expect_match "text/calendar named after the meeting, no method" "$got" '^attachment\|text/calendar\|阿波罗-ko.ics\|None$'
expect_match "the calendar has no METHOD either" "$got" '^METHOD\|None$'
expect_match "the actions are tasks, the owner by address" "$got" '^VTODO\|Draft the plan\|-\|mailto:bob@example.com=-$'
expect_match "an owner without an address is left out" "$got" '^VTODO\|Book the room\|-\|$'
expect_match "the event's organizer is the host" "$got" '^VEVENT\|[^|]*\|mailto:wang@example.com\|'
expect_match "attendees by address with PARTSTAT" "$got" \
	'^VEVENT\|.*\|mailto:wang@example.com=ACCEPTED;mailto:bob@example.com=NEEDS-ACTION;mailto:li@example.com=DECLINED$'
expect_eq "never invalid: in the calendar" "$(grep -c 'invalid:' out.eml)" 0

# An English meeting has an English subject, from --from, to --to.
ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-12-01 10:00' >/dev/null
ko attendee add Apollo/ko Ann --email ann@example.com >/dev/null
expect_exit 0 "mail --to --from" ko mail Apollo/ko --to pm@example.com --to attendees --from me@example.com
printf '%s\n' "$OUT" > en.eml
got=$(read_mail en.eml)
expect_match "English subject" "$got" '^subject\|Minutes: Apollo KO 2026-12-01$'
expect_match "from --from" "$got" '^from\|\|me@example.com$'
expect_match "to each --to, attendees standing for theirs" "$got" '^to\|pm@example.com,ann@example.com$'
expect_match "English text" "$got" '^line\|## Attendees$'

# --send: the message goes to sendmail -t on its standard input.
cat > fake-sendmail <<'EOF'
#!/bin/sh
printf '%s\n' "$*" > "$T_TMP/sendmail.args"
cat > "$T_TMP/sent.eml"
EOF
chmod +x fake-sendmail
export T_TMP
KICKOFF_SENDMAIL=$PWD/fake-sendmail expect_exit 0 "mail --send" ko mail 阿波罗/ko --send
expect_match "says where it went" "$OUT" '^sent the minutes of 阿波罗/ko to 3 addresses$'
expect_eq "sendmail -t -i" "$(cat sendmail.args)" "-t -i"
got=$(read_mail sent.eml)
expect_match "what sendmail got is the message" "$got" '^subject\|会议纪要：阿波罗 启动会 2026-11-26$'
expect_match "with its calendar" "$got" '^VTODO\|Draft the plan'

cat > failing-sendmail <<'EOF'
#!/bin/sh
cat >/dev/null
echo "no route to host" >&2
exit 75
EOF
chmod +x failing-sendmail
KICKOFF_SENDMAIL=$PWD/failing-sendmail expect_exit 3 "a sendmail that fails is exit 3" ko mail 阿波罗/ko --send
expect_match "and says so" "$ERR" "^kickoff: mail: '.*failing-sendmail' failed \(status 75\)"
KICKOFF_SENDMAIL=$PWD/none expect_exit 3 "no sendmail is exit 3" ko mail 阿波罗/ko --send
expect_match "naming it" "$ERR" "^kickoff: mail: cannot run '.*/none'"

# Nobody to write to, no sender, bad addresses, no such meeting.
ko project add Empty >/dev/null
ko meeting add Empty ko --host Zoe >/dev/null
refused 2 "no addresses" "nobody to send the minutes to: no attendee of Empty/ko has an e-mail address" ko mail Empty/ko --from me@example.com
refused 2 "no sender" "no sender" ko mail Empty/ko --to x@example.com
ko attendee add Empty/ko Yan --email yan@example.com >/dev/null
KICKOFF_USER=zoe@example.com expect_exit 0 "the user's name when it is an address" ko mail Empty/ko --to x@example.com
refused 2 "a bad --to" "invalid e-mail address 'x@'" ko mail Apollo/ko --to 'x@'
refused 2 "a bad --from" "invalid e-mail address 'me'" ko mail Apollo/ko --from me
refused 2 "unknown meeting" "no project|no meeting" ko mail Nope/ko
refused 1 "no meeting given" "missing meeting" ko mail
