#!/usr/bin/env bash
# Network faults between a hub and its tablets on one machine (root; iproute2 and nftables).
# Two network namespaces joined by one veth pair: nothing reaches any real interface, and
# everything made here is deleted by `destroy` (deleting a namespace deletes its veth end and
# its nftables tables too).
#
#   netns.sh create  HUB_NS TAB_NS HUB_VETH TAB_VETH PREFIX   # PREFIX e.g. 10.200.7: hub .1, tablet .2
#   netns.sh link    TAB_NS TAB_VETH up|down                  # a Wi-Fi drop on the tablet side
#   netns.sh loss    TAB_NS TABLE TAB_VETH PERCENT            # drop PERCENT % of the tablet's outgoing packets
#   netns.sh noloss  TAB_NS TABLE                             # remove that rule (its table)
#   netns.sh destroy HUB_NS TAB_NS                            # idempotent
#   netns.sh sweep                                            # delete jh-hub-*/jh-tab-* left by dead test runs
#
# Interface names are at most 15 characters. Run a program inside with `ip netns exec NS …`.
set -euo pipefail

usage() {
  sed -n '2,14p' "$0" >&2
  exit 2
}

cmd=${1:-}
[[ -n $cmd ]] || usage
shift

case $cmd in
  create)
    [[ $# -eq 5 ]] || usage
    hub_ns=$1 tab_ns=$2 hub_veth=$3 tab_veth=$4 prefix=$5
    ip netns add "$hub_ns"
    ip netns add "$tab_ns"
    # Created straight inside the namespaces: the pair never exists in the main namespace.
    ip link add "$hub_veth" netns "$hub_ns" type veth peer name "$tab_veth" netns "$tab_ns"
    ip -n "$hub_ns" addr add "$prefix.1/24" dev "$hub_veth"
    ip -n "$tab_ns" addr add "$prefix.2/24" dev "$tab_veth"
    for ns in "$hub_ns" "$tab_ns"; do ip -n "$ns" link set lo up; done
    ip -n "$hub_ns" link set "$hub_veth" up
    ip -n "$tab_ns" link set "$tab_veth" up
    # mDNS (bonjour-service) needs a multicast route; it then stays on this veth pair.
    ip -n "$hub_ns" route add 224.0.0.0/4 dev "$hub_veth"
    ip -n "$tab_ns" route add 224.0.0.0/4 dev "$tab_veth"
    ;;
  link)
    [[ $# -eq 3 && ($3 == up || $3 == down) ]] || usage
    ip -n "$1" link set "$2" "$3"
    ;;
  loss)
    [[ $# -eq 4 ]] || usage
    tab_ns=$1 table=$2 tab_veth=$3 percent=$4
    ip netns exec "$tab_ns" nft -f - <<EOF
table inet $table {
  chain out {
    type filter hook output priority 0; policy accept;
    oifname "$tab_veth" numgen random mod 100 < $percent drop
  }
}
EOF
    ;;
  noloss)
    [[ $# -eq 2 ]] || usage
    ip netns exec "$1" nft delete table inet "$2"
    ;;
  destroy)
    [[ $# -eq 2 ]] || usage
    for ns in "$@"; do
      if ip netns list | grep -qE "^$ns( |\$)"; then ip netns del "$ns"; fi
    done
    ;;
  sweep)
    [[ $# -eq 0 ]] || usage
    # Names end in the pid of the test process that made them: jh-hub-L1234, jh-tab-L1234.
    ip netns list | awk '{print $1}' | while read -r ns; do
      if [[ $ns =~ ^jh-(hub|tab)-[A-Z]([0-9]+)$ ]] && ! kill -0 "${BASH_REMATCH[2]}" 2>/dev/null; then
        ip netns del "$ns" || true
      fi
    done
    ;;
  *)
    usage
    ;;
esac
