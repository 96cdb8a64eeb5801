using System.Buffers;

namespace TelephonyHub.Silo.Recordings;

/// <summary>
/// A stored recording read back one chunk at a time (one query per chunk, no connection held in between), so an
/// upload that takes minutes keeps one chunk in memory and no database resources. Seekable, so that an HTTP upload
/// announces its Content-Length instead of chunking, and can rewind when the request is sent again. Its chunk buffer is
/// rented from the shared array pool and given back when the stream is disposed.
/// </summary>
internal sealed class StoredRecordingStream(SqlRecordingStore store, string recordingId, long size) : Stream
{
    private byte[]? _chunk = ArrayPool<byte>.Shared.Rent(SqlRecordingStore.ChunkBytes);
    private int _chunkIndex;
    private int _chunkLength;
    private int _offset;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    /// <summary>The file's size, so an HTTP upload can announce its Content-Length.</summary>
    public override long Length => size;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
            _chunkIndex = (int)(value / SqlRecordingStore.ChunkBytes);
            _chunkLength = 0;
            _offset = 0;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _position >= size)
        {
            return 0;
        }

        var chunk = _chunk ?? throw new ObjectDisposedException(nameof(StoredRecordingStream));
        if (_offset == _chunkLength)
        {
            _chunkLength = await store.ReadChunkAsync(recordingId, _chunkIndex, chunk.AsMemory(0, SqlRecordingStore.ChunkBytes), cancellationToken);
            _offset = (int)(_position - ((long)_chunkIndex * SqlRecordingStore.ChunkBytes));
            _chunkIndex++;
            if (_chunkLength <= _offset)
            {
                throw new IOException($"Stored recording {recordingId} ends after {_position} of its {size} bytes (deleted meanwhile?).");
            }
        }

        var count = Math.Min(buffer.Length, _chunkLength - _offset);
        chunk.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _chunk is { } chunk)
        {
            _chunk = null;
            ArrayPool<byte>.Shared.Return(chunk);
        }

        base.Dispose(disposing);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => size + offset,
    };

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
