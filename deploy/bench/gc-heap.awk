# Reads a unified GC log (-Xlog:gc, JDK 9+) and prints the heap around each pause, in MB, as one
# line of tab-separated fields: pauses, full pauses, peak before a pause (the most the heap held),
# largest after a pause, mean after the pauses of the first and of the last tenth of the run (the
# live set's trend), and the heap's size after the last pause. With TIMELINE=N it prints instead
# the heap after every pause at N points spread over the run ("pause<TAB>seconds<TAB>after MB").
#   awk -f gc-heap.awk gc.log        awk -v TIMELINE=10 -f gc-heap.awk gc.log
function mb(v,   n, unit) {
    n = v + 0; unit = substr(v, length(v))
    return unit == "G" ? n * 1024 : unit == "K" ? n / 1024 : unit == "B" ? n / 1048576 : n
}
/ Pause / && match($0, /[0-9.]+[BKMG]->[0-9.]+[BKMG]\([0-9.]+[BKMG]\)/) {
    split(substr($0, RSTART, RLENGTH), p, /->|\(|\)/)
    n++; before = mb(p[1]); after[n] = mb(p[2]); size = mb(p[3])
    t[n] = substr($1, 2) + 0
    if (before > peak) peak = before
    if (after[n] > maxAfter) maxAfter = after[n]
    if ($0 ~ /Pause Full/) full++
}
END {
    if (TIMELINE) {
        for (i = 1; i <= TIMELINE && n > 0; i++) { k = int((i * n + TIMELINE - 1) / TIMELINE); printf "%d\t%.1f\t%.0f\n", k, t[k], after[k] }
        exit
    }
    tenth = int(n / 10); if (tenth < 1) tenth = 1
    for (i = 1; i <= tenth && i <= n; i++) first += after[i]
    for (i = n - tenth + 1; i <= n; i++) if (i >= 1) last += after[i]
    printf "%d\t%d\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\n", n, full, peak, maxAfter, first / tenth, last / tenth, size
}
