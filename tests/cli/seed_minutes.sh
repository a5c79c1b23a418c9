# tests/cli/seed_minutes.sh - the seed's KO and TKO held with the command
# line, in English (Apollo) and in Chinese (天河), for the export tests.
# Sourced by test_export*.sh and test_import*.sh; the clock, user and TZ
# are fixed by tests/run-suite.sh, so every export of them is the same.

first_decision() { ko decision list "$1" --json | jq '.decisions[0].id'; }

seed_en() {
	ko project add Apollo --customer 'ACME, Inc.' --code AP-1 --lang en >/dev/null
	ko meeting add Apollo ko --at '2026-12-01 10:00' --host 'Ana Lima' >/dev/null
	ko meeting set Apollo/ko --place 'Room 3 | East wing' \
		--purpose 'Align all parties on goals, scope, schedule and budget' --status held >/dev/null
	ko attendee add Apollo/ko 'Ana Lima' --role 'Project manager' --org ACME --present >/dev/null
	ko attendee add Apollo/ko 'Bob "the builder" Stone' --role Sponsor --org 'ACME, Inc.' >/dev/null
	ko attendee add Apollo/ko 'Chen Wei' --role 'Tech lead' --org Initech --present >/dev/null
	for n in 1 2 3 4; do ko item check Apollo/ko $n >/dev/null; done
	ko item note Apollo/ko 2 'Needs *two* workshops; see [notes]
- one with sales
- one with support' >/dev/null
	ko decision add Apollo/ko 'Go live on 2027-03-01' --by 'Bob Stone' --item 3 >/dev/null
	ko decision add Apollo/ko 'Weekly status mail, Fridays' --by 'Ana Lima' >/dev/null
	ko risk add Apollo/ko 'Key users unavailable in December' --impact high --likelihood medium \
		--owner 'Ana Lima' --mitigation 'Book workshops now; record sessions' --item 9 >/dev/null
	ko output set Apollo/ko 1 --status done --owner 'Ana Lima' >/dev/null
	ko output set Apollo/ko 2 --status drafting --owner 'Ana Lima' >/dev/null
	ko action add Apollo/ko 'Send the charter to the sponsor' --owner 'Ana Lima' --due 2026-12-05 --decision "$(first_decision Apollo/ko)" >/dev/null
	ko action add Apollo/ko 'Book the needs workshops, two rooms' --owner 'Chen Wei' --due 2026-12-10 >/dev/null
	ko action add Apollo/ko 'Collect "acceptance" criteria' --owner 'Bob Stone' >/dev/null
	ko action done 1 >/dev/null
	ko meeting add Apollo tko --at '2026-12-08 14:00' --host 'Chen Wei' >/dev/null
	ko attendee add Apollo/tko 'Chen Wei' --role Architect --present >/dev/null
	ko attendee add Apollo/tko 'Dana Roe' --role Tester --present >/dev/null
	ko item check Apollo/tko 1 >/dev/null
	ko item check Apollo/tko 2 >/dev/null
	ko decision add Apollo/tko 'PostgreSQL 16 for storage' --by 'Chen Wei' --item 2 >/dev/null
	ko risk add Apollo/tko 'Legacy API has no test system' --impact medium --likelihood high \
		--owner 'Dana Roe' --item 9 >/dev/null
	ko action add Apollo/tko 'Write the interface definition, v1' --owner 'Chen Wei' --due 2026-12-20 --decision "$(first_decision Apollo/tko)" >/dev/null
}

seed_zh() {
	ko project add 天河 --customer 星辰科技 --code TH-2 --lang zh >/dev/null
	ko meeting add 天河 ko --at '2026-12-02 09:30' --host 王经理 >/dev/null
	ko meeting set 天河/ko --place 三楼会议室 --purpose '明确项目目标、范围、进度、预算与职责分工' --status held >/dev/null
	ko attendee add 天河/ko 王经理 --role 项目经理 --org 星辰科技 --present \
		--email wang@xingchen.example >/dev/null
	ko attendee add 天河/ko 李总 --role 项目发起人 --org 客户方 --present --email li@kehu.example >/dev/null
	ko attendee add 天河/ko 张工 --role 技术负责人 --org 星辰科技 --status regrets \
		--email zhang@xingchen.example >/dev/null
	for n in 1 2 3; do ko item check 天河/ko $n >/dev/null; done
	ko item note 天河/ko 1 '客户希望三月上线，预算已批准' >/dev/null
	ko decision add 天河/ko '项目于2027年3月1日上线' --by 李总 --item 3 >/dev/null
	ko risk add 天河/ko '关键用户十二月无法参与需求调研' --impact high --owner 王经理 \
		--mitigation '提前预约调研时间并录像' --item 2 >/dev/null
	ko output set 天河/ko 1 --status done --owner 王经理 >/dev/null
	ko action add 天河/ko '完成项目章程并提交给客户审批，包括范围说明书、目标说明书和进度计划，确保所有干系人签字确认' \
		--owner 王经理 --due 2026-12-09 --decision "$(first_decision 天河/ko)" >/dev/null
	ko action add 天河/ko '整理需求调研记录' --owner 张工 --due 2026-12-12 >/dev/null
	ko meeting add 天河 tko --at '2026-12-09 14:00' --host 张工 >/dev/null
	ko attendee add 天河/tko 张工 --role 架构师 --present >/dev/null
	ko attendee add 天河/tko 赵测试 --role 测试 --present >/dev/null
	ko item check 天河/tko 1 >/dev/null
	ko decision add 天河/tko '采用微服务架构，接口使用REST' --by 张工 --item 1 >/dev/null
	ko action add 天河/tko '编写接口定义文档' --owner 张工 --due 2026-12-20 --decision "$(first_decision 天河/tko)" >/dev/null
}
