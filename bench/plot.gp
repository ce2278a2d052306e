# niaga's benchmark plots, from the .dat files bench/run-all.sh writes:
#   gnuplot -e "data='DIR'; plots='DIR'" bench/plot.gp
# throughput.png: tps against clients per workload (floor, PL/pgSQL, niaga);
# growth.png: cost per order against lines, warehouses, upline depth, and
# check_invariants() against orders.
set terminal pngcairo size 1500,900 font "DejaVu Sans,10"
set datafile missing "NaN"
set key top left
set grid
set style data linespoints

set output plots . "/throughput.png"
set multiplot layout 2,3 title "niaga: throughput against clients (pgbench, medians; higher is better)"
set xlabel "clients"
set ylabel "transactions / s"
set xtics (1, 2, 4)
set xrange [0.8:4.2]
set yrange [0:*]
do for [w in "checkout reservation quote recompute accrual mix"] {
    set title w
    plot data . "/throughput-" . w . ".dat" using 1:2 title "floor" lw 2 pt 7, \
         "" using 1:3 title "PL/pgSQL" lw 2 pt 5, \
         "" using 1:4 title "niaga" lw 2 pt 9
}
unset multiplot

set output plots . "/growth.png"
set multiplot layout 2,3 title "niaga: cost per unit of work as it grows (1 client, medians; lower is better)"
set xtics autofreq
set autoscale x
set logscale x
set logscale y
set yrange [*:*]
set ylabel "ms per order"
set title "checkout: lines per order"
set xlabel "lines"
plot data . "/growth-checkout-lines.dat" using 1:2 title "floor" lw 2 pt 7, \
     "" using 1:3 title "PL/pgSQL" lw 2 pt 5, "" using 1:4 title "niaga" lw 2 pt 9
set title "totals recomputation: lines per order"
plot data . "/growth-recompute-lines.dat" using 1:2 title "floor" lw 2 pt 7, \
     "" using 1:3 title "PL/pgSQL" lw 2 pt 5, "" using 1:4 title "niaga" lw 2 pt 9
set title "reservation: active warehouses"
set xlabel "warehouses"
plot data . "/growth-reserve-warehouses.dat" using 1:2 title "floor" lw 2 pt 7, \
     "" using 1:3 title "PL/pgSQL" lw 2 pt 5, "" using 1:4 title "niaga" lw 2 pt 9
set title "commission accrual: upline depth (in-server)"
set xlabel "upline depth"
set ylabel "µs per order"
plot data . "/agents.dat" using 1:2 title "floor" lw 2 pt 7, \
     "" using 1:3 title "PL/pgSQL (CTE)" lw 2 pt 5, "" using 1:4 title "PL/pgSQL (loop)" lw 2 pt 4, \
     "" using 1:5 title "niaga" lw 2 pt 9
set title "niaga.check_invariants(): orders in the database"
set xlabel "orders"
set ylabel "ms per call"
plot data . "/invariants.dat" using 1:2 title "niaga" lw 2 pt 9
unset multiplot
