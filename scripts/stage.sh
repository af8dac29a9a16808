# Sourced by .ci/run and the set-up and test scripts: `stage NAME` closes the stage before it (printing
# how long it took) and stamps the start of NAME with the minutes since the run began ($FISC_T0, set by
# the first script of a run and inherited by the rest); `stage_end` closes the last one.
: "${FISC_T0:=$(date +%s)}"
export FISC_T0
_fisc_stage=
_fisc_stage_t=
_fisc_clock() {
  local t=$(($(date +%s) - FISC_T0))
  printf '%d:%02d' $((t / 60)) $((t % 60))
}
stage_end() {
  [ -n "$_fisc_stage" ] || return 0
  local took=$(($(date +%s) - _fisc_stage_t))
  printf '[fisc %s] done  %s (%dm%02ds)\n' "$(_fisc_clock)" "$_fisc_stage" $((took / 60)) $((took % 60))
  _fisc_stage=
}
stage() {
  stage_end
  _fisc_stage=$*
  _fisc_stage_t=$(date +%s)
  printf '[fisc %s] start %s\n' "$(_fisc_clock)" "$_fisc_stage"
}
