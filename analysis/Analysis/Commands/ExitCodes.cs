namespace Analysis.Commands;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 2;
    public const int Regression = 3;
}
