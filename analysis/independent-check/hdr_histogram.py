"""Decodes HdrHistogram's compressed V2 encoding (base64, as the probe files store it), written from the format's
specification (HdrHistogram's "Histogram encoding" notes): no code shared with the C# analysis.

Layout: int32 cookie (0x1c849304 with word-size bits in 0xf0), int32 length, zlib data; the inflated data is an
int32 cookie (0x1c849303), int32 payload length, int32 normalizing index offset, int32 significant digits, int64
lowest trackable value, int64 highest trackable value, double conversion ratio, then the counts as ZigZag LEB128
varints, where a negative value -n stands for n empty buckets.
"""
import base64
import binascii
import math
import struct
import zlib

COMPRESSED_COOKIE = 0x1C849304
ENCODING_COOKIE = 0x1C849303
HEADER = struct.Struct(">iiiiqqd")


class Histogram:
    """Counts by index, and the value arithmetic of the histogram's buckets."""

    def __init__(self, digits, lowest, counts):
        self.unit_magnitude = int(math.floor(math.log2(lowest)))
        largest_single_unit = 2 * 10 ** digits
        sub_bucket_count_magnitude = int(math.ceil(math.log2(largest_single_unit)))
        self.half_magnitude = max(sub_bucket_count_magnitude, 1) - 1
        self.half_count = 1 << self.half_magnitude
        self.counts = counts

    def value_at(self, index):
        """The lowest value of the bucket at this counts index."""
        bucket = (index >> self.half_magnitude) - 1
        sub = (index & (self.half_count - 1)) + self.half_count
        if bucket < 0:
            sub -= self.half_count
            bucket = 0
        return sub << (bucket + self.unit_magnitude)

    def bucket_width(self, value):
        """How many integer values share the bucket of this value."""
        bucket = max(0, value.bit_length() - (self.half_magnitude + 1) - self.unit_magnitude)
        return 1 << (bucket + self.unit_magnitude)

    def recorded(self):
        """(lowest value, width, count) of every non-empty bucket, in value order."""
        for index, count in enumerate(self.counts):
            if count:
                low = self.value_at(index)
                yield low, self.bucket_width(low), count

    def total(self):
        return sum(self.counts)

    def expand_midpoints(self):
        """Every recorded value at the middle of its bucket (low + width // 2), at least 1, sorted."""
        values = []
        for low, width, count in self.recorded():
            values.extend([float(max(1, low + width // 2))] * count)
        return values

    def percentile_top(self, percentile):
        """The top of the bucket where the running count first reaches ceil(percentile% of the total): what
        HdrHistogram's getValueAtPercentile reports (the probe's own p50_ns)."""
        target = max(1, math.ceil(percentile / 100.0 * self.total()))
        running = 0
        for low, width, count in self.recorded():
            running += count
            if running >= target:
                return low + width - 1
        raise ValueError("empty histogram")


def _varints(data):
    """ZigZag LEB128 longs: 7 bits a byte for 8 bytes, then a 9th byte of 8 bits."""
    pos = 0
    while pos < len(data):
        value, shift = 0, 0
        for i in range(9):
            byte = data[pos]
            pos += 1
            if i == 8:
                value |= byte << 56
                break
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield (value >> 1) ^ -(value & 1)


def decode(text):
    """The histogram of a base64 compressed V2 encoding; ValueError when the text is not one."""
    try:
        return _decode(text)
    except (struct.error, zlib.error, IndexError, binascii.Error) as e:
        raise ValueError(f"not a compressed HdrHistogram ({e})") from e


def _decode(text):
    raw = base64.b64decode(text, validate=True)
    cookie, length = struct.unpack_from(">ii", raw, 0)
    if cookie & ~0xF0 != COMPRESSED_COOKIE:
        raise ValueError(f"not a compressed V2 histogram (cookie {cookie:#x})")
    # decompressobj: the C# encoder's zlib stream has no end marker, which zlib.decompress rejects.
    inner = zlib.decompressobj().decompress(raw[8:8 + length])
    cookie, payload, offset, digits, lowest, _highest, _ratio = HEADER.unpack_from(inner, 0)
    if cookie & ~0xF0 != ENCODING_COOKIE:
        raise ValueError(f"not a V2 encoding (cookie {cookie:#x})")
    if offset != 0:
        raise ValueError(f"normalizing index offset {offset} is not supported")
    counts = []
    for v in _varints(inner[HEADER.size:HEADER.size + payload]):
        if v < 0:
            counts.extend([0] * -v)
        else:
            counts.append(v)
    return Histogram(digits, lowest, counts)
