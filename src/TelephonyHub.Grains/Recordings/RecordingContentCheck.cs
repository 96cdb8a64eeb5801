namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// Checks a recording while it streams through, without keeping it: its first bytes must be MP3 or WAV (and agree
/// with the name or content type it came with), it must stay within the size limit, and it must end at exactly the
/// size announced. A problem is an <see cref="InvalidRecordingException"/> as early as it shows.
/// </summary>
/// <param name="maxBytes">The hub's size limit.</param>
/// <param name="declaredSize">The size the sender announced (upload header, Content-Length), if any.</param>
/// <param name="declaredFormat">The format the name or content type claims, if any.</param>
public sealed class RecordingContentCheck(long maxBytes, long? declaredSize, RecordingFormat? declaredFormat)
{
    private readonly byte[] _head = new byte[RecordingFormats.HeadLength];

    /// <summary>Bytes seen so far.</summary>
    public long Length { get; private set; }

    /// <summary>The detected format, once enough bytes were seen.</summary>
    public RecordingFormat? Format { get; private set; }

    /// <summary>Checks the next bytes of the file.</summary>
    /// <exception cref="InvalidRecordingException">Wrong type, too large, or more than announced.</exception>
    public void Observe(ReadOnlySpan<byte> data)
    {
        if (Length < _head.Length)
        {
            var take = (int)Math.Min(data.Length, _head.Length - Length);
            data[..take].CopyTo(_head.AsSpan((int)Length));
            if (Length + take == _head.Length)
            {
                Format = Recognise(_head);
            }
        }

        Length += data.Length;
        if (Length > maxBytes)
        {
            throw new InvalidRecordingException($"the file is larger than the hub's limit of {maxBytes} bytes");
        }

        if (declaredSize is { } size && Length > size)
        {
            throw new InvalidRecordingException($"more bytes arrived than the announced size of {size}");
        }
    }

    /// <summary>The file ended: checks it is complete and returns its format.</summary>
    /// <exception cref="InvalidRecordingException">Empty, too short to be audio, or shorter than announced.</exception>
    public RecordingFormat Complete()
    {
        if (Length == 0)
        {
            throw new InvalidRecordingException("the file is empty");
        }

        if (declaredSize is { } size && Length != size)
        {
            throw new InvalidRecordingException($"the file ended after {Length} of the announced {size} bytes");
        }

        return Format ?? Recognise(_head.AsSpan(0, (int)Length));
    }

    private RecordingFormat Recognise(ReadOnlySpan<byte> head)
    {
        var format = RecordingFormats.Detect(head)
            ?? throw new InvalidRecordingException("the content is neither MP3 (ID3 tag or MPEG frame) nor WAV (RIFF/WAVE)");
        if (declaredFormat is { } claimed && claimed != format)
        {
            throw new InvalidRecordingException(
                $"the file is said to be {RecordingFormats.Describe(claimed)} but the content is {RecordingFormats.Describe(format)}");
        }

        return format;
    }
}
