# The CLI beyond the main job, sourced by scripts/e2e.sh while the local chain is up (uses its check,
# refuses, $fisc, $url, $ledger, $keys, $tas): read commands, offline multi-party signing with a durable
# nonce, a CSV payment run, and retries after injected RPC faults with no double effect.

pk() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
key_of() { "$fisc" --keypair "$1" address; }
json_len() { python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
as_json() { "$fisc" --url $url -o json "$@"; }

refuses "an amount with more decimals than the mint has" "more than 6 decimals" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award 75N91027C00001 --amount 1.0000001 --reference R
refuses "an agency that does not exist" "agency 999 has no budget account" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment propose --agency 999 --tas $tas --award 75N91027C00001 --amount 1 --reference R
refuses "a malformed public key names the flag" "--member \"not-a-key\" is not a base58 public key" "$fisc" --url $url --keypair "$keys/deployer.json" member set --agency 075 --member not-a-key --roles approver

# Read commands: tables for people, JSON for programs.
check "agency list --output json has both agencies" test "$(as_json agency list | json_len)" -eq 2
check "member list shows the approvers" grep -q "approver" <<<"$("$fisc" --url $url member list --agency 075)"
check "obligation list shows the award" grep -q "75N91027C00001" <<<"$("$fisc" --url $url obligation list --agency 075 --tas $tas)"
open_before=$(as_json payment list --agency 075 | json_len)
check "payment list shows the open requests of the payment run" test "$open_before" -ge 12
check "property list shows the transferred title" grep -q "DEMO-0001" <<<"$("$fisc" --url $url property list --agency 089)"
check "policy show explains the tiers" grep -q "2 approvals" <<<"$("$fisc" --url $url policy show --agency 075)"
check "  ... in the payment mint's own 6 decimals, read from the chain" grep -Eq '^[0-9]+\.[0-9]{6}$' <<<"$(as_json policy show --agency 075 | pk period_limit)"

# Offline, multi-party: the back office (deployer) builds and pays; the approver signs on another
# machine (no network: an unreachable --url); the back office submits.
office=$keys/deployer.json
approver=$keys/hhs-approver-2.json
approver_key=$(key_of "$approver")
check "a durable nonce account is created" "$fisc" --url $url --keypair "$office" nonce create --nonce-keypair "$ledger/nonce.json"
nonce=$(key_of "$ledger/nonce.json")
seq=2
built=$("$fisc" --url $url --keypair "$office" -o json payment approve --agency 075 --sequence $seq --as "$approver_key" --sign-later "$ledger/approve.tx" --nonce "$nonce") || true
check "an approval is built for the approver to sign later" test -s "$ledger/approve.tx"
check "  ... and the CLI says it was written, not sent" grep -q "^written, not sent: " <<<"$(pk action <<<"$built")"
check "  ... and what remains: the approver signs, then it is submitted" grep -q "fisc tx sign $ledger/approve.tx\`, then \`fisc tx submit" <<<"$(pk next <<<"$built")"
check "  ... and shows the approver's signature missing" grep -q "$approver_key (missing)" <<<"$("$fisc" --url $url tx show "$ledger/approve.tx")"
refuses "  ... and cannot be submitted unsigned" "still needs the signature of $approver_key" "$fisc" --url $url --keypair "$office" tx submit "$ledger/approve.tx"
refuses "  ... nor signed by someone else" "is not a signer" "$fisc" --url http://127.0.0.1:1 --keypair "$keys/hhs-approver-1.json" tx sign "$ledger/approve.tx"
check "the approver signs offline" "$fisc" --url http://127.0.0.1:1 --keypair "$approver" tx sign "$ledger/approve.tx"
check "the back office submits it" "$fisc" --url $url --keypair "$office" tx submit "$ledger/approve.tx"
check "  ... submitting it again lands nothing new" "$fisc" --url $url --keypair "$office" tx submit "$ledger/approve.tx"
check "  ... and the request has exactly one approval" test "$(as_json payment show --agency 075 --sequence $seq | pk approvals)" = "1/1"
refuses "acting as someone else without --sign-later is refused" "must sign this transaction" "$fisc" --url $url --keypair "$office" payment approve --agency 075 --sequence 3 --as "$approver_key"

# A CSV payment run: one bad row and nothing is sent; then a good file; then a re-run skips it all.
cat >"$ledger/bad.csv" <<CSV
agency,tas,award,amount,reference
075,$tas,75N91027C00001,10.00,RUN-1
075,$tas,75N91027C00001,12.1234567,RUN-2
075,$tas,NO-SUCH-AWARD,5,RUN-3
CSV
refuses "a CSV with bad rows is refused naming row and column" "row 3, column amount: .*more than 6 decimals" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment run "$ledger/bad.csv"
refuses "  ... every bad row is named" "row 4, column award: no obligation NO-SUCH-AWARD" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment run "$ledger/bad.csv"
check "  ... and nothing was sent" test "$(as_json payment list --agency 075 | json_len)" -eq "$open_before"
cat >"$ledger/run.csv" <<CSV
agency,tas,award,amount,reference
075,$tas,75N91027C00001,10.00,RUN-1
075,$tas,75N91027C00001,11.00,RUN-2
075,$tas,75N91027G00002,12.00,RUN-3
CSV
run1=$("$fisc" --url $url --keypair "$keys/hhs-requester.json" payment run "$ledger/run.csv")
echo "$run1"
check "a CSV payment run proposes every row" test "$(grep -c proposed <<<"$run1")" -eq 3
run2=$("$fisc" --url $url --keypair "$keys/hhs-requester.json" payment run "$ledger/run.csv")
check "  ... a re-run skips what landed" test "$(grep -c "already landed" <<<"$run2")" -eq 3
check "  ... and the chain has each row once" test "$(as_json payment list --agency 075 | json_len)" -eq $((open_before + 3))

# Injected faults: the answer to a payment execution is lost (it landed); the client must find that
# out, not pay twice.
proxy_port=18901
python3 scripts/faulty-rpc.py $proxy_port $url --drop-send-responses 3 >"$ledger/proxy1.log" 2>&1 &
proxy=$!
background+=($proxy)
sleep 1
disbursed_before=$(as_json obligation show --agency 075 --tas $tas --award 75N91027C00001 | pk disbursed)
"$fisc" --url $url --keypair "$keys/hhs-approver-1.json" payment approve --agency 075 --sequence 3 >/dev/null
check "execution through an RPC that drops the confirmation succeeds" "$fisc" --url http://127.0.0.1:$proxy_port --keypair "$keys/hhs-disbursing-officer.json" payment execute --agency 075 --sequence 3
check "  ... the fault was injected" grep -q "response dropped" "$ledger/proxy1.log"
disbursed_after=$(as_json obligation show --agency 075 --tas $tas --award 75N91027C00001 | pk disbursed)
check "  ... and paid exactly once ($disbursed_before + 1.2)" python3 -c "import sys; assert abs(float('$disbursed_after') - float('$disbursed_before') - 1.2) < 1e-9"
kill $proxy || true

# The proposal's first sends never reach the chain; its blockhash expires; the client checks it did not
# land, re-signs, and the request exists once.
python3 scripts/faulty-rpc.py $proxy_port $url --swallow-sends 5 >"$ledger/proxy2.log" 2>&1 &
proxy=$!
background+=($proxy)
sleep 1
open_now=$(as_json payment list --agency 075 | json_len)
check "a proposal whose blockhash expires unsent is re-signed and lands" "$fisc" --url http://127.0.0.1:$proxy_port --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award 75N91027C00001 --amount 3 --reference INV-EXPIRED
check "  ... the sends were swallowed" grep -q "swallowed" "$ledger/proxy2.log"
check "  ... and the request exists once" test "$(as_json payment list --agency 075 | python3 -c 'import json,sys; print(sum(r["reference"] == "INV-EXPIRED" for r in json.load(sys.stdin)))')" -eq 1
check "  ... one more open request in all" test "$(as_json payment list --agency 075 | json_len)" -eq $((open_now + 1))
kill $proxy || true

# The RPC fails while the client confirms a proposal it has sent: the outcome is unknown, and the error
# says so with the signature (before, an "RPC failed" error without it, read as nothing changed).
python3 scripts/faulty-rpc.py $proxy_port $url --fail-statuses 1000 >"$ledger/proxy3.log" 2>&1 &
proxy=$!
background+=($proxy)
sleep 1
open_now=$(as_json payment list --agency 075 | json_len)
unknown=$("$fisc" --url http://127.0.0.1:$proxy_port --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award 75N91027C00001 --amount 4 --reference INV-UNKNOWN 2>&1) && unknown="(it succeeded) $unknown"
kill $proxy || true
check "an RPC failing while a proposal is confirmed gives an unknown outcome, not 'nothing changed'" grep -q "the outcome is unknown: .*sent as [1-9A-HJ-NP-Za-km-z]\{64,88\} (look them up before sending again" <<<"$unknown"
unknown_sig=$(grep -o "sent as [1-9A-HJ-NP-Za-km-z]*" <<<"$unknown" | head -1 | cut -d' ' -f3)
check "  ... the signature it names is the one that landed" grep -q '"err":null' <<<"$(curl -s -H 'content-type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getSignatureStatuses\",\"params\":[[\"$unknown_sig\"],{\"searchTransactionHistory\":true}]}" $url)"
check "  ... once" test "$(as_json payment list --agency 075 | json_len)" -eq $((open_now + 1))

# The journal stores each copy's signature before it is broadcast, and a re-run decides from the chain.
check "the payment run's journal stored each copy's signature before sending it" grep -q '"sent":\["[1-9A-HJ-NP-Za-km-z]*"\]' "$ledger/run.csv.journal"
# A row journaled at sequence 3, now used by another request (executed above, so closed): in a journal
# of an earlier fisc, without its copies, the run refuses to guess (before, it skipped the row as
# "already landed", a payment never made); with its copies journaled and none broadcast, it proposes.
printf 'agency,tas,award,amount,reference\n075,%s,75N91027C00001,1.50,RUN-RECOVER\n' "$tas" >"$ledger/recover.csv"
echo '{"key":"075|RUN-RECOVER","sequence":3,"signature":null,"refused":false}' >"$ledger/recover.csv.journal"
open_now=$(as_json payment list --agency 075 | json_len)
refuses "a journaled row at a sequence now used by a closed request is not guessed at" "now used by a closed request, and the chain cannot tell whether that was this row" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment run "$ledger/recover.csv"
check "  ... and nothing was proposed" test "$(as_json payment list --agency 075 | json_len)" -eq "$open_now"
echo '{"key":"075|RUN-RECOVER","sequence":3,"signature":null,"refused":false,"sent":[]}' >"$ledger/recover.csv.journal"
check "a journaled row none of whose copies was broadcast is proposed, though another request took its sequence" grep -q "proposed" <<<"$("$fisc" --url $url --keypair "$keys/hhs-requester.json" payment run "$ledger/recover.csv")"
check "  ... once" test "$(as_json payment list --agency 075 | json_len)" -eq $((open_now + 1))
check "  ... and a re-run finds it landed" grep -q "already landed" <<<"$("$fisc" --url $url --keypair "$keys/hhs-requester.json" payment run "$ledger/recover.csv")"

# Budget, batch and title commands through the CLI.
acme=$(key_of "$keys/vendor-acme-labs.json")
budget_officer=$keys/hhs-budget-officer.json
check "an obligation is created through the CLI" "$fisc" --url $url --keypair "$budget_officer" obligation create --agency 075 --tas $tas --award 75N91027C00099 --payee "$acme" --payee-id ZQGGHJH74DW7 --object-class 25 --amount 1000
check "  ... increased" "$fisc" --url $url --keypair "$budget_officer" obligation increase --agency 075 --tas $tas --award 75N91027C00099 --amount 500
check "  ... and shows 1500 obligated" test "$(as_json obligation show --agency 075 --tas $tas --award 75N91027C00099 | pk obligated)" = "1500.000000"
refuses "a requester cannot obligate" "not a budget officer\|does not hold the role\|role" "$fisc" --url $url --keypair "$keys/hhs-requester.json" obligation create --agency 075 --tas $tas --award 75N91027C00098 --payee "$acme" --payee-id ZQGGHJH74DW7 --object-class 25 --amount 1

batch=$(as_json --keypair "$keys/hhs-requester.json" batch propose --agency 075 --tas $tas --reference BATCH-1 \
  --payee 75N91027C00001=1 --payee 75N91027C00099=2 --payee 75N91027C00099=3 --payee 75N91027C00001=4 --payee 75N91027C00099=5)
batch_seq=$(pk action <<<"$batch" | sed -E 's/proposed batch ([0-9]+) .*/\1/')
check "a batch of 5 payees is proposed through the CLI" test -n "$batch_seq"
check "  ... approved" "$fisc" --url $url --keypair "$keys/hhs-approver-1.json" batch approve --agency 075 --sequence "$batch_seq"
executed=$("$fisc" --url $url --keypair "$keys/hhs-disbursing-officer.json" batch execute --agency 075 --sequence "$batch_seq")
check "  ... executed in 2 transactions (4 payees, then 1)" test "$(grep -c "^action" <<<"$executed")" -eq 2
check "  ... paying award 75N91027C00099 2 + 3 + 5" test "$(as_json obligation show --agency 075 --tas $tas --award 75N91027C00099 | pk disbursed)" = "10.000000"
refuses "  ... and a second execution finds it closed" "no open batch" "$fisc" --url $url --keypair "$keys/hhs-disbursing-officer.json" batch execute --agency 075 --sequence "$batch_seq"

hash() { printf '%s' "$1" | sha256sum | cut -c1-64; }
parcel=(--jurisdiction US-DC --parcel CLI-0001)
check "a property is registered through the CLI by the registrar" "$fisc" --url $url --keypair "$keys/dc-registrar.json" property register "${parcel[@]}" --agency 075 --kind building --latitude 38.9072 --longitude -77.0369 --legal-description "$(hash lot-12)" --area 5400 --cost 1200000 --acquired 2019-05-01 --deed "$(hash deed-12)"
refuses "  ... a second registration of the parcel is refused" "already in use\|already exists" "$fisc" --url $url --keypair "$keys/dc-registrar.json" property register "${parcel[@]}" --agency 075 --kind land --latitude 1 --longitude 1 --legal-description "$(hash x)" --area 1 --cost 1 --acquired 2019-05-01 --deed "$(hash y)"
check "  ... offered to agency 089 by HHS's property officer" "$fisc" --url $url --keypair "$keys/hhs-property-officer.json" title offer "${parcel[@]}" --to 089
check "  ... a lien is recorded by the authorised lien holder" "$fisc" --url $url --keypair "$keys/dc-lien-holder-bank.json" lien record "${parcel[@]}" --lien-id DOCKET-7 --amount 5000
refuses "  ... acceptance under the active lien is refused" "the property has active liens" "$fisc" --url $url --keypair "$keys/doe-property-officer.json" title accept "${parcel[@]}"
check "  ... the lien is released" "$fisc" --url $url --keypair "$keys/dc-lien-holder-bank.json" lien release "${parcel[@]}" --lien-id DOCKET-7
check "  ... agency 089 accepts" "$fisc" --url $url --keypair "$keys/doe-property-officer.json" title accept "${parcel[@]}"
doe=$(as_json agency show --agency 089 | pk address)
check "  ... and holds it" test "$(as_json property show "${parcel[@]}" | pk holder)" = "$doe"
check "  ... its new holder records an inspection" "$fisc" --url $url --keypair "$keys/doe-property-officer.json" building record "${parcel[@]}" --kind inspection --date 2026-11-01 --cost 250
check "  ... the registrar freezes it" "$fisc" --url $url --keypair "$keys/dc-registrar.json" property freeze "${parcel[@]}"
refuses "  ... a frozen property cannot be offered" "the property is frozen" "$fisc" --url $url --keypair "$keys/doe-property-officer.json" title offer "${parcel[@]}" --to 075
check "  ... and unfreezes it" "$fisc" --url $url --keypair "$keys/dc-registrar.json" property unfreeze "${parcel[@]}"
check "the index catches up with all of it" "$fisc" index backfill --url $url --database "$(sqlite_db follow)"
check "  ... batch items and the chain of title included" test "$("$fisc" index dump --database "$(sqlite_db follow)" | grep -c "^# batch_items (5 rows)\|^# transfers (2 rows)")" -eq 2
check "  ... and the audit agrees with the chain" "$fisc" audit --url $url --database "$(sqlite_db follow)"
# A deposit the index has not taken in: the audit reads the chain at a known slot, leaves out the one
# account that transaction changed, and compares the rest exactly (before: "funded: index X, chain Y").
check "a payee deposits into the budget account (compare and set on the funded total)" "$fisc" --url $url --keypair "$keys/vendor-acme-labs.json" budget fund --agency 075 --tas $tas --amount 0.01
funded_now=$(as_json budget show --agency 075 --tas $tas | pk funded)
refuses "  ... its retry, built against the funded total before it, is refused on chain" "the budget account's funded total is not the one this deposit was built against" "$fisc" --url $url --keypair "$keys/vendor-acme-labs.json" budget fund --agency 075 --tas $tas --amount 0.01 --if-funded "$(python3 -c 'import sys; from decimal import Decimal; print(Decimal(sys.argv[1]) - Decimal("0.01"))' "$funded_now")"
check "  ... and nothing changed" test "$(as_json budget show --agency 075 --tas $tas | pk funded)" = "$funded_now"
busy=$("$fisc" audit --url $url --database "$(sqlite_db follow)" 2>&1) && busy_rc=0 || busy_rc=$?
check "  ... the audit, with the index behind, leaves out the account the deposit changed" grep -q "^left out of the comparison, as 1 transaction the index has not taken in changed them before they were read: budget account $tas" <<<"$busy"
check "  ... and finds the rest equal, at the slots it read" grep -qE "^the index and the chain agree at slots? [0-9]+" <<<"$busy"
check "  ... exiting 0" test "$busy_rc" -eq 0
caught_up=$("$fisc" index backfill --url $url --database "$(sqlite_db follow)" >/dev/null && "$fisc" audit --url $url --database "$(sqlite_db follow)" 2>&1) || true
check "  ... and after a backfill compares it too, and agrees" test "$(grep -c "left out\|^the index and the chain agree at" <<<"$caught_up")" = 1 -a "$(grep -c "^the index and the chain agree at" <<<"$caught_up")" = 1

# A reader that goes away (`| head`; here `| true`, which reads nothing) must not turn landed work into a
# failure: before, the CLI panicked with exit code 101 after its transaction had landed.
exit_code_of_first() { "$@" | true; return "${PIPESTATUS[0]}"; }
open_now=$(as_json payment list --agency 075 | json_len)
check "a proposal piped into a reader that has gone away exits 0" exit_code_of_first "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award 75N91027C00001 --amount 2.50 --reference INV-PIPE-1
check "  ... and it landed, once" test "$(as_json payment list --agency 075 | json_len)" -eq $((open_now + 1))
check "an export piped into a reader that has gone away exits 0" exit_code_of_first "$fisc" export awards --database "$(sqlite_db follow)"

# A reference already used by an open request (INV-PIPE-1, just above): refused with --strict, warned
# about without it.
open_now=$(as_json payment list --agency 075 | json_len)
refuses "a reference an open request already uses is refused with --strict" "reference \"INV-PIPE-1\" is already used by open payment request" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award 75N91027C00001 --amount 2.50 --reference INV-PIPE-1 --strict
check "  ... and nothing was proposed" test "$(as_json payment list --agency 075 | json_len)" -eq "$open_now"
dup=$("$fisc" --url $url --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award 75N91027C00001 --amount 2.50 --reference INV-PIPE-1 2>&1) || true
check "  ... and warned about without it" grep -q "^warning: reference \"INV-PIPE-1\" is already used by open payment request" <<<"$dup"
check "  ... which then proposes" test "$(as_json payment list --agency 075 | json_len)" -eq $((open_now + 1))

# The two proposals above landed after the index's last backfill: the audit says so first, and by how much.
audited=$("$fisc" audit --url $url --database "$(sqlite_db follow)" 2>&1) || true
check "the audit says first that the index is behind the chain by 2 transactions" grep -q "^the index is behind the chain by 2 fisc transactions" <<<"$(head -1 <<<"$audited")"
check "  ... and after a backfill it no longer is" test "$("$fisc" index backfill --url $url --database "$(sqlite_db follow)" >/dev/null && "$fisc" audit --url $url --database "$(sqlite_db follow)" | grep -c "is behind")" -eq 0

# A payee without a token account in the budget account's mint: warned about at `obligation create`,
# a proposal refused in words (before: Anchor's raw AccountOwnedByWrongProgram, 3007), the account made
# by `fisc payee create-account`.
new_pubkey() { # a fresh address (base58 of 32 random bytes): a payee that has never been seen
  python3 -c 'import os
a = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
b = os.urandom(32); n = int.from_bytes(b, "big"); s = ""
while n: n, r = divmod(n, 58); s = a[r] + s
print("1" * (len(b) - len(b.lstrip(b"\0"))) + s)'
}
lone=$(new_pubkey)
created=$("$fisc" --url $url --keypair "$budget_officer" obligation create --agency 075 --tas $tas --award 75N91027C00200 --payee "$lone" --payee-id LONE00000001 --object-class 25 --amount 100 2>&1) || true
check "an obligation to a payee without a token account warns" grep -q "^warning: payee $lone has no token account in mint" <<<"$created"
check "  ... names the command that creates it" grep -q "fisc payee create-account --agency 075 --tas $tas --payee $lone" <<<"$created"
check "  ... and is created" test "$(as_json obligation show --agency 075 --tas $tas --award 75N91027C00200 | pk obligated)" = "100.000000"
open_now=$(as_json payment list --agency 075 | json_len)
refuses "  ... a proposal on it is refused in words, not as error 3007" "award 75N91027C00200: payee $lone has no token account .*nothing was sent" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award 75N91027C00200 --amount 1 --reference INV-LONE-1
check "  ... so is a batch naming it" grep -q "no token account" <<<"$("$fisc" --url $url --keypair "$keys/hhs-requester.json" batch propose --agency 075 --tas $tas --reference BATCH-LONE --payee 75N91027C00200=1 2>&1)"
lone_csv=$ledger/lone.csv
printf 'agency,tas,award,amount,reference\n075,%s,75N91027C00200,1,RUN-LONE\n' "$tas" >"$lone_csv"
refuses "  ... so is a CSV row naming it, by row and column" "row 2, column award: payee $lone has no token account" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment run "$lone_csv"
check "  ... and nothing was proposed" test "$(as_json payment list --agency 075 | json_len)" -eq "$open_now"
check "the payee's token account is created by fisc payee create-account" "$fisc" --url $url --keypair "$budget_officer" payee create-account --agency 075 --tas $tas --payee "$lone"
check "  ... a second time nothing is sent" grep -q "already exists; nothing sent" <<<"$("$fisc" --url $url --keypair "$budget_officer" payee create-account --agency 075 --tas $tas --payee "$lone")"
check "  ... and the proposal then lands" "$fisc" --url $url --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award 75N91027C00200 --amount 1 --reference INV-LONE-1
check "  ... once" test "$(as_json payment list --agency 075 | json_len)" -eq $((open_now + 1))

# A transaction larger than Solana's 1,232 bytes: a batch of ten distinct payees. Before, it was retried
# for seconds and reported as an RPC failure; with --sign-later, a file of 8 payees was written and
# signed, then refused at submit.
big=()
for i in 0 1 2 3 4 5 6 7 8 9; do
  payee=$(new_pubkey)
  "$fisc" --url $url --keypair "$budget_officer" obligation create --agency 075 --tas $tas --award "75N91027C0030$i" --payee "$payee" --payee-id "BATCHPAYEE0$i" --object-class 25 --amount 10 >/dev/null 2>&1
  "$fisc" --url $url --keypair "$budget_officer" payee create-account --agency 075 --tas $tas --payee "$payee" >/dev/null
  big+=(--payee "75N91027C0030$i=1")
done
next_before=$(as_json policy show --agency 075 | pk next_sequence)
too_large=$("$fisc" --url $url --keypair "$keys/hhs-requester.json" batch propose --agency 075 --tas $tas --reference BATCH-10 "${big[@]}" 2>&1) && too_large="(it succeeded) $too_large"
check "a batch of 10 distinct payees is refused as too large, by how much" grep -q "the transaction is [0-9]* bytes, [0-9]* more than the 1232 a Solana transaction can have" <<<"$too_large"
check "  ... with what to do" grep -q "fewer distinct payees" <<<"$too_large"
check "  ... not as an RPC failure" test "$(grep -c "RPC at" <<<"$too_large")" -eq 0
check "  ... and nothing was proposed" test "$(as_json policy show --agency 075 | pk next_sequence)" = "$next_before"
requester_key=$(key_of "$keys/hhs-requester.json")
refuses "with --sign-later, a batch of 8 distinct payees is refused before the file is written" "more than the 1232 a Solana transaction can have" "$fisc" --url $url --keypair "$office" batch propose --agency 075 --tas $tas --reference BATCH-8 "${big[@]:0:16}" --as "$requester_key" --sign-later "$ledger/batch8.tx" --nonce "$nonce"
check "  ... no file" test ! -e "$ledger/batch8.tx"
check "a batch of 6 of them is proposed at once" "$fisc" --url $url --keypair "$keys/hhs-requester.json" batch propose --agency 075 --tas $tas --reference BATCH-6 "${big[@]:0:12}"
