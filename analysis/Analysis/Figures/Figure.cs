namespace Analysis.Figures;

public enum FigureKind { LatencyEcdf, ThroughputVsLocal, FailuresByErrno, SlowdownHeatmap, ThroughputVsWorkers, Trend, SoakTimeline, RecoveryTimes, VmmDescriptors, OperationalCost, LatencyBox, GpuTradeOff, DetectionPower, Reproducibility, WorkloadsVsNative }

/// <summary>A written figure: its PNG (the SVG is beside it) and what it shows, for the memo.</summary>
public sealed record Figure(FigureKind Kind, string PngPath, string Title, string? Op = null, int? Workers = null);

/// <summary>What a figure says and where it goes: its kind, file name (without extension), title and axis labels.</summary>
public sealed record FigureText(FigureKind Kind, string Name, string Title, string XLabel, string YLabel, string? Op = null, int? Workers = null);
