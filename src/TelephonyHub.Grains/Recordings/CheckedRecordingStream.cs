namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// A read-only view of a recording's byte stream that runs a <see cref="RecordingContentCheck"/> over everything read
/// through it, so a bad file fails the copy into the store at the first bad byte instead of after it was stored.
/// The end of the stream completes the check.
/// </summary>
public sealed class CheckedRecordingStream(Stream inner, RecordingContentCheck check) : Stream
{
    private bool _completed;

    public RecordingContentCheck Check => check;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => check.Length;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Observe(buffer[..read], buffer.Length);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span[..read], buffer.Length);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Observe(ReadOnlySpan<byte> data, int asked)
    {
        if (data.Length > 0)
        {
            check.Observe(data);
        }
        else if (asked > 0 && !_completed)
        {
            // Zero bytes for a non-empty buffer: the end of the file.
            _completed = true;
            check.Complete();
        }
    }
}
