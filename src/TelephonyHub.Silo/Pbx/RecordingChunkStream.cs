using Grpc.Core;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// The bytes of an <c>UploadRecording</c> stream as a read-only <see cref="Stream"/>: the first message's data, then
/// each later message's, read straight out of the gRPC messages (no copy of the file, one message at a time).
/// </summary>
public sealed class RecordingChunkStream(ReadOnlyMemory<byte> first, IAsyncStreamReader<Proto.RecordingChunk> messages, CancellationToken cancellationToken)
    : Stream
{
    private ReadOnlyMemory<byte> _current = first;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
        ReadAsync(buffer.AsMemory(offset, count), token).AsTask();

    /// <exception cref="InvalidPbxEventException">A later message carries a header.</exception>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default)
    {
        while (_current.IsEmpty && !_ended)
        {
            if (!await messages.MoveNext(cancellationToken))
            {
                _ended = true;
                break;
            }

            if (messages.Current.Header is not null)
            {
                throw new InvalidPbxEventException("header", "only the first message of the upload may carry it");
            }

            _current = messages.Current.Data.Memory;
        }

        var count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
