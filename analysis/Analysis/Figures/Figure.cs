namespace Analysis.Figures;

<<<<<<< HEAD
public enum FigureKind { LatencyEcdf, ThroughputVsLocal, FailuresByErrno, SlowdownHeatmap, ThroughputVsWorkers, Trend, SoakTimeline, RecoveryTimes, VmmDescriptors, OperationalCost, LatencyBox, GpuTradeOff, DetectionPower }
=======
public enum FigureKind { LatencyEcdf, ThroughputVsLocal, FailuresByErrno, SlowdownHeatmap, ThroughputVsWorkers, Trend, SoakTimeline, RecoveryTimes, VmmDescriptors, OperationalCost, LatencyBox, GpuTradeOff, Reproducibility }
>>>>>>> 4724ff9 (Statistics over launches: order-statistic and per-launch t intervals (not estimable where the sample cannot support a quantile), per-repetition ratios to a same-run reference, TOST equivalence, Mann-Whitney subsample capped at 500 (no int32 overflow), one 100 ns noise floor, negative noise refused; compare judges ratio changes with --reference/--absolute and an A/A calibration (analysis calibrate), reproducibility figure; warmup failures reported apart; percentages never round to 0/100%)

/// <summary>A written figure: its PNG (the SVG is beside it) and what it shows, for the memo.</summary>
public sealed record Figure(FigureKind Kind, string PngPath, string Title, string? Op = null, int? Workers = null);
