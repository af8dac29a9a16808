# The fault soak, sourced by scripts/e2e.sh while the local chain is up (uses its check, $fisc, $url,
# $ledger, $keys, $tas, sqlite_db). Payments (propose, approve, execute), batches, funding, obligation
# increases and decreases, recoveries and building records go through scripts/faulty-rpc.py in random
# mode until FISC_SOAK_FAULTS faults (default 120; `scripts/soak.sh faults` runs 1,000) have been
# injected. Every operation is retried the way an agency's script would: the same command with the
# same compare-and-set figure or sequence the first attempt printed, until the chain (read directly)
# shows its effect. Afterwards, from the chain alone: every intended effect happened exactly once, and
# an index built through the faults equals one built without them.

soak_target=${FISC_SOAK_FAULTS:-120}
soak_port=18903
soak_stats=$ledger/soak-stats.json
python3 scripts/faulty-rpc.py $soak_port $url --random 0.25 --seed "${FISC_SOAK_SEED:-7}" --stats "$soak_stats" >"$ledger/soak-proxy.log" 2>&1 &
background+=($!)
purl=http://127.0.0.1:$soak_port
for _ in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:$soak_port && break; sleep 0.2; done

soak_award=75N91027C00001
soak_parcel=(--jurisdiction US-DC --parcel CLI-0001)
vendor=$keys/vendor-acme-labs.json
officer=$keys/hhs-budget-officer.json
faults() { python3 -c 'import json,sys; print(sum(json.load(open(sys.argv[1])).values()))' "$soak_stats" 2>/dev/null || echo 0; }
direct() { "$fisc" --url $url -o json "$@"; }
field() { direct "${@:2}" | pk "$1"; }
micro() { python3 -c 'import sys; from decimal import Decimal; print(int(Decimal(sys.argv[1]) * 10**6))' "$1"; }
vendor_balance() { # the vendor's tokens of the budget account's mint, in base units
  local mint owner
  mint=$(field mint budget show --agency 075 --tas $tas)
  owner=$(key_of "$vendor")
  curl -s -H 'content-type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getTokenAccountsByOwner\",\"params\":[\"$owner\",{\"mint\":\"$mint\"},{\"encoding\":\"jsonParsed\",\"commitment\":\"confirmed\"}]}" $url |
    python3 -c 'import json,sys; print(sum(int(a["account"]["data"]["parsed"]["info"]["tokenAmount"]["amount"]) for a in json.load(sys.stdin)["result"]["value"]))'
}

soak_attempts=0
soak_failures=0
soak_blind=0
soak_refused=0
# What the programs answer to a second copy of something that landed: compare and set, or a used sequence.
landed_already='built against\|sequence number is not the property.s next\|does not match the agency.s next payment sequence\|already approved'
# until_done DONE_COMMAND -- COMMAND...: runs COMMAND through the faulty RPC until DONE_COMMAND (read
# directly from the chain) says its effect is there; the same COMMAND every time. When an attempt does
# not end in a confirmation, the command is first sent again at once without looking, as an operator
# who did not see it land would: the programs must refuse the second copy if the first landed.
until_done() {
  local done_cmd=$1 i out
  shift 2
  for i in $(seq 1 40); do
    soak_attempts=$((soak_attempts + 1))
    if ! out=$("$@" 2>&1); then
      soak_attempts=$((soak_attempts + 1))
      soak_blind=$((soak_blind + 1))
      if ! out=$("$@" 2>&1) && grep -q "$landed_already" <<<"$out"; then soak_refused=$((soak_refused + 1)); fi
    fi
    if eval "$done_cmd"; then return 0; fi
    sleep 0.3
  done
  soak_failures=$((soak_failures + 1))
  echo "soak: gave up after 40 attempts: $* -> $out"
  return 1
}

funded0=$(micro "$(field funded budget show --agency 075 --tas $tas)")
obligated0=$(micro "$(field obligated obligation show --agency 075 --tas $tas --award $soak_award)")
disbursed0=$(micro "$(field disbursed obligation show --agency 075 --tas $tas --award $soak_award)")
records0=$(field building_records property show "${soak_parcel[@]}")
balance0=$(vendor_balance)
sum_fund=0 sum_inc=0 sum_dec=0 sum_rec=0 sum_paid=0 n_records=0 n_payments=0 n_batches=0 round=0
soak_start=$(date +%s)
while [ "$(faults)" -lt "$soak_target" ] && [ $soak_failures -eq 0 ]; do
  round=$((round + 1))
  # Funding: the vendor deposits back 0.0r.
  amount=$(printf '0.%02d' $((round % 90 + 1)))
  before=$(field funded budget show --agency 075 --tas $tas)
  want=$(($(micro "$before") + $(micro "$amount")))
  until_done '[ "$(micro "$(field funded budget show --agency 075 --tas $tas)")" -eq $want ]' -- \
    "$fisc" --url $purl --keypair "$vendor" budget fund --agency 075 --tas $tas --amount "$amount" --if-funded "$before" &&
    sum_fund=$((sum_fund + $(micro "$amount")))

  # An increase and a decrease of the obligation.
  for way in increase decrease; do
    before=$(field obligated obligation show --agency 075 --tas $tas --award $soak_award)
    delta=$(micro "$amount")
    [ $way = increase ] && want=$(($(micro "$before") + delta)) || want=$(($(micro "$before") - delta))
    until_done '[ "$(micro "$(field obligated obligation show --agency 075 --tas $tas --award $soak_award)")" -eq $want ]' -- \
      "$fisc" --url $purl --keypair "$officer" obligation $way --agency 075 --tas $tas --award $soak_award --amount "$amount" --if-obligated "$before" &&
      { [ $way = increase ] && sum_inc=$((sum_inc + delta)) || sum_dec=$((sum_dec + delta)); }
  done

  # A payment of 0.0r + 1: proposed at the next sequence, approved, executed.
  pay=$(printf '1.%02d' $((round % 90 + 1)))
  seq_next=$(field next_sequence policy show --agency 075)
  ref="SOAK-$round"
  until_done '[ "$(direct payment show --agency 075 --sequence $seq_next 2>/dev/null | pk reference 2>/dev/null)" = "$ref" ]' -- \
    "$fisc" --url $purl --keypair "$keys/hhs-requester.json" payment propose --agency 075 --tas $tas --award $soak_award --amount "$pay" --reference "$ref" --sequence "$seq_next" &&
    until_done '[ "$(direct payment show --agency 075 --sequence $seq_next | pk approvals)" = "1/1" ]' -- \
      "$fisc" --url $purl --keypair "$keys/hhs-approver-1.json" payment approve --agency 075 --sequence "$seq_next" &&
    until_done '! direct payment show --agency 075 --sequence $seq_next >/dev/null 2>&1' -- \
      "$fisc" --url $purl --keypair "$keys/hhs-disbursing-officer.json" payment execute --agency 075 --sequence "$seq_next" &&
    { sum_paid=$((sum_paid + $(micro "$pay"))); n_payments=$((n_payments + 1)); }

  # A recovery of 0.0r by the vendor.
  before=$(field disbursed obligation show --agency 075 --tas $tas --award $soak_award)
  want=$(($(micro "$before") - $(micro "$amount")))
  until_done '[ "$(micro "$(field disbursed obligation show --agency 075 --tas $tas --award $soak_award)")" -eq $want ]' -- \
    "$fisc" --url $purl --keypair "$vendor" obligation recover --agency 075 --tas $tas --award $soak_award --amount "$amount" --if-disbursed "$before" &&
    sum_rec=$((sum_rec + $(micro "$amount")))

  # Every third round a batch of two payments to the same award, and a building record.
  if [ $((round % 3)) -eq 0 ]; then
    seq_next=$(field next_sequence policy show --agency 075)
    until_done 'direct batch show --agency 075 --sequence $seq_next >/dev/null 2>&1' -- \
      "$fisc" --url $purl --keypair "$keys/hhs-requester.json" batch propose --agency 075 --tas $tas --reference "SOAK-B$round" --payee $soak_award=0.5 --payee $soak_award=0.25 --sequence "$seq_next" &&
      until_done 'grep -q "already approved\|already in use\|approved batch" <<<"$out"' -- \
        "$fisc" --url $purl --keypair "$keys/hhs-approver-1.json" batch approve --agency 075 --sequence "$seq_next" &&
      until_done '! direct batch show --agency 075 --sequence $seq_next >/dev/null 2>&1' -- \
        "$fisc" --url $purl --keypair "$keys/hhs-disbursing-officer.json" batch execute --agency 075 --sequence "$seq_next" &&
      { sum_paid=$((sum_paid + 750000)); n_batches=$((n_batches + 1)); }
    records=$(field building_records property show "${soak_parcel[@]}")
    until_done '[ "$(field building_records property show "${soak_parcel[@]}")" -eq $((records + 1)) ]' -- \
      "$fisc" --url $purl --keypair "$keys/doe-property-officer.json" building record "${soak_parcel[@]}" --kind maintenance --date 2026-11-02 --cost 10 --sequence "$records" &&
      n_records=$((n_records + 1))
  fi
done
soak_took=$(($(date +%s) - soak_start))

# From the chain alone: each effect exactly once.
funded1=$(micro "$(field funded budget show --agency 075 --tas $tas)")
obligated1=$(micro "$(field obligated obligation show --agency 075 --tas $tas --award $soak_award)")
disbursed1=$(micro "$(field disbursed obligation show --agency 075 --tas $tas --award $soak_award)")
records1=$(field building_records property show "${soak_parcel[@]}")
balance1=$(vendor_balance)
echo "soak: $(faults) faults injected ($(cat "$soak_stats")) over $round rounds, $soak_attempts commands, in ${soak_took}s: $n_payments payments, $n_batches batches, $n_records building records; $soak_blind blind retries, $soak_refused of them refused on chain as already landed"
check "soak: at least $soak_target faults were injected" test "$(faults)" -ge "$soak_target"
check "soak: every operation reached its effect (none given up)" test $soak_failures -eq 0
# The long soak is sure to meet it; the short one may not, and the CLI checks above test it directly.
[ "$soak_target" -lt 1000 ] || check "soak: some retries met a copy that had landed, and were refused" test $soak_refused -gt 0
check "soak: funded total moved by exactly the deposits" test $((funded1 - funded0)) -eq $sum_fund
check "soak: obligation moved by exactly the increases less the decreases" test $((obligated1 - obligated0)) -eq $((sum_inc - sum_dec))
check "soak: disbursed moved by exactly the payments less the recoveries" test $((disbursed1 - disbursed0)) -eq $((sum_paid - sum_rec))
check "soak: the vendor's balance moved by exactly payments - deposits - recoveries" test $((balance1 - balance0)) -eq $((sum_paid - sum_fund - sum_rec))
check "soak: the property gained exactly its building records" test $((records1 - records0)) -eq $n_records

# The index from the chain without faults, and through the faults: each reference paid once.
clean=$(sqlite_db soak-clean)
faulty=$(sqlite_db soak-faulty)
check "soak: the index builds without faults" "$fisc" index backfill --url $url --database "$clean" >/dev/null
until_done '[ -n "$out" ] && grep -q "^indexed " <<<"$out"' -- "$fisc" index backfill --url $purl --database "$faulty"
check "soak: the index builds through the faults" test $soak_failures -eq 0
soak_dump=$("$fisc" index dump --database "$clean")
check "soak: every payment of the soak was executed once" test "$(grep -c '|SOAK-[0-9]*|.*|executed|' <<<"$soak_dump")" -eq $n_payments
check "soak: every batch of the soak was executed once" test "$(grep -c '|SOAK-B[0-9]*|.*|executed|' <<<"$soak_dump")" -eq $n_batches
check "soak: the index built through the faults equals the one built without" test "$("$fisc" index dump --database "$faulty")" = "$soak_dump"
check "soak: the audit of the clean index agrees with the chain" "$fisc" audit --url $url --database "$clean"
