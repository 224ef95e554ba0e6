using HdrHistogram;
using HdrHistogram.Utilities;

namespace FsBench.Protocol;

/// <summary>HdrHistogram's compressed V2 encoding, as base64 (what the run folder stores).</summary>
public static class HistogramCodec
{
    public static string Encode(HistogramBase h)
    {
        var buffer = ByteBuffer.Allocate(h.GetNeededByteBufferCapacity());
        int length = HistogramEncoding.EncodeIntoCompressedByteBuffer(h, buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        for (int i = 0; i < length; i++) bytes[i] = buffer.Get();
        return Convert.ToBase64String(bytes);
    }

    /// <exception cref="FormatException">The text is not base64 or not a compressed histogram.</exception>
    public static HistogramBase Decode(string base64)
    {
        byte[] bytes = Convert.FromBase64String(base64);
        try
        {
            return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), 0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException($"not a compressed HdrHistogram ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
