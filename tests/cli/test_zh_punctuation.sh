# Chinese text uses full-width punctuation: no msgstr of po/zh_CN.po has an
# ASCII , : ; ? ! ( or ) beside a Chinese character or mark.  Key names
# keep their ASCII ("(y/n)"), as do a list in a usage ("姓名,..."), formats and words in Latin letters
# ("kickoff: ", "YYYY-MM-DD HH:MM").
po="$(cd "$KICKOFF_TESTS/.." && pwd)/po/zh_CN.po"
out=$(/usr/bin/python3 - "$po" <<'PY'
import re, sys

def unquote(t):
    return bytes(t[1:-1], 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')

entries, cur, key = [], {}, None
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip():
        if cur:
            entries.append(cur)
        cur, key = {}, None
        continue
    if line.startswith('#'):
        continue
    m = re.match(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
    if m:
        key = m.group(1)
        cur[key] = unquote(m.group(2))
    elif line.startswith('"') and key:
        cur[key] += unquote(line)
if cur:
    entries.append(cur)

chinese = '\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d'
bad = re.compile('[%s][,:;?!()]|[,:;?!()][%s]' % (chinese, chinese))
keys = re.compile(r'\(y/n\)|,\.\.\.')
for e in entries:
    if not e.get('msgid'):
        continue
    for k, v in e.items():
        if k.startswith('msgstr'):
            for m in bad.finditer(keys.sub('', v)):
                print('%s -> %s' % (e['msgid'][:50].replace('\n', ' '), v.replace('\n', '\\n')))
                break
PY
)
expect_eq "no ASCII punctuation beside Chinese in po/zh_CN.po" "$out" ""
expect_eq "the check reads the catalogue" \
	"$(grep -c '^msgstr "[^"]' "$po" | awk '{ print ($1 > 500) ? "yes" : "no" }')" yes
