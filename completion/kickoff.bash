# bash completion for kickoff.  Commands and options come from the
# binary's own verb tables and names from the database, through the
# hidden `kickoff __complete`, so this file never needs to change when a
# command is added.  Installed as
# $(PREFIX)/share/bash-completion/completions/kickoff.

_kickoff()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local -a db=() words=()
	local i w group= verb= nargs=0

	# Global options come first; --db also tells us which database to ask.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ -z $group ]]; then
			case $w in
			--db) db=(--db "${COMP_WORDS[i+1]}"); ((i++)); continue ;;
			--db=*) db=(--db "${w#--db=}"); continue ;;
			-*) continue ;;
			*) group=$w; continue ;;
			esac
		fi
		if [[ -z $verb && $w != -* ]]; then
			verb=$w
			case $group in backup|restore|doctor) verb=; ((nargs++)) ;; esac
			continue
		fi
		[[ $w != -* ]] && ((nargs++))
	done

	_kickoff_list() {
		local IFS=$'\n'
		COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "${db[@]}" __complete "$@" 2>/dev/null)" -- "$cur"))
	}
	# Names (projects, meetings) may hold spaces and quotes: each match is
	# quoted for the shell, and what was typed so far is read without
	# its backslashes and opening quote.
	_kickoff_names() {
		local name want=${cur//\\/}
		want=${want#[\"\']}
		COMPREPLY=()
		while IFS= read -r name; do
			[[ $name == "$want"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
		done < <("${COMP_WORDS[0]}" "${db[@]}" __complete "$@" 2>/dev/null)
	}

	if [[ $prev == --db || $prev == -o ]]; then
		COMPREPLY=($(compgen -f -- "$cur"))
		return
	fi
	if [[ -z $group ]]; then
		_kickoff_list groups
		return
	fi
	case $group in
	backup|restore)
		if [[ $cur == -* ]]; then _kickoff_list options "$group" ""; else COMPREPLY=($(compgen -f -- "$cur")); fi
		return ;;
	doctor)
		_kickoff_list options doctor ""
		return ;;
	esac
	if [[ -z $verb ]]; then
		_kickoff_list verbs "$group"
		return
	fi
	if [[ $cur == -* ]]; then
		_kickoff_list options "$group" "$verb"
		return
	fi
	case $prev in
	--meeting) _kickoff_names meetings; return ;;
	--owner|--by|--host) return ;;
	--status)
		case $group in
		output) COMPREPLY=($(compgen -W "todo drafting done" -- "$cur")) ;;
		meeting) COMPREPLY=($(compgen -W "planned held closed" -- "$cur")) ;;
		esac
		return ;;
	--impact|--likelihood) COMPREPLY=($(compgen -W "low medium high" -- "$cur")); return ;;
	--lang) COMPREPLY=($(compgen -W "en zh" -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "md json csv ics" -- "$cur")); return ;;
	--*) return ;;
	esac
	# The first argument: a project, a meeting or an action.
	if ((nargs == 0)); then
		case $group-$verb in
		project-add|project-list|action-list) ;;
		project-*|meeting-add) _kickoff_names projects ;;
		action-done|action-reopen|action-drop) _kickoff_list actions ;;
		export-*|export) _kickoff_names meetings; local -a p=("${COMPREPLY[@]}"); _kickoff_names projects; COMPREPLY+=("${p[@]}") ;;
		import*) COMPREPLY=($(compgen -f -- "$cur")) ;;
		*) _kickoff_names meetings ;;
		esac
	elif ((nargs == 1)) && [[ $group-$verb == meeting-add ]]; then
		COMPREPLY=($(compgen -W "ko tko" -- "$cur"))
	fi
}
complete -F _kickoff kickoff
