using System.CommandLine;
using Perfolizer.Metrology;

namespace Analysis.Commands;

/// <summary>Options several commands share: the verdict's threshold and noise floor, and how two runs' cases are matched up.</summary>
public static class SharedOptions
{
    public static Option<string> Threshold() => new("--threshold")
    {
        Description = "Smallest latency difference that counts, relative (5%) or absolute (10us).",
        DefaultValueFactory = _ => "5%",
    };

    public static Option<string> Noise() => new("--noise")
    {
        Description = "Absolute noise floor: a difference below it is the same (as in dotnet/performance ResultsComparer).",
        DefaultValueFactory = _ => DifferenceTest.DefaultNoise,
    };

    public static DifferenceTest Test(ParseResult parsed, Option<string> threshold, Option<string> noise) =>
        new(ParseThreshold(threshold.Name, parsed.GetValue(threshold)!), ParseThreshold(noise.Name, parsed.GetValue(noise)!));

    private static Threshold ParseThreshold(string option, string text)
    {
        if (text.TrimStart().StartsWith('-'))
            throw new BadInputException(option, $"'{text}' is negative: a threshold or noise floor must be zero or more");
        return Perfolizer.Metrology.Threshold.TryParse(text, out var t) && t is not null
            ? t
            : throw new BadInputException(option, $"'{text}' is not a threshold (examples: 5%, 1us, 10ms)");
    }

    public static Option<string> Reference() => new("--reference")
    {
        Description = "Provider whose same-run cases the ratios are taken against.",
        DefaultValueFactory = _ => Providers.Local,
    };

    public static Option<bool> Absolute() => new("--absolute") { Description = "Take absolute p50s between runs instead of ratios to the reference." };

    /// <summary>The two runs' cases side by side, as <see cref="Reference"/> and <see cref="Absolute"/> say.</summary>
    public static RunPairComparer Comparer(ParseResult parsed, Option<string> reference, Option<bool> absolute) =>
        new(parsed.GetValue(reference)!, parsed.GetValue(absolute));

    public static Argument<string[]> Runs(string name, string description, int minimum) => new(name)
    {
        Description = description,
        Arity = new ArgumentArity(minimum, ArgumentArity.ZeroOrMore.MaximumNumberOfValues),
    };
}
