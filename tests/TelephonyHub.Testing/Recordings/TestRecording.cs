using System.Security.Cryptography;
using System.Text;

namespace TelephonyHub.Testing.Recordings;

/// <summary>
/// A recording file for tests, generated on the fly from a seed: a real MP3/WAV header followed by pseudo-random
/// bytes. Any size (50 MB included) costs no memory: <see cref="OpenRead"/> produces the bytes as they are read, the
/// same bytes every time, and <see cref="Sha256"/> is what the portal emulator records for the attached file.
/// </summary>
public sealed class TestRecording
{
    private readonly Lazy<string> _sha256;

    public TestRecording(string fileName, long size, RecordingKind kind = RecordingKind.Mp3, int seed = 1)
    {
        FileName = fileName;
        Size = size;
        Kind = kind;
        Seed = seed;
        _sha256 = new Lazy<string>(() =>
        {
            using var content = OpenRead();
            return Convert.ToHexStringLower(SHA256.HashData(content));
        });
    }

    public string FileName { get; }

    public long Size { get; }

    public RecordingKind Kind { get; }

    public int Seed { get; }

    public string ContentType => Kind switch
    {
        RecordingKind.Wav => "audio/wav",
        RecordingKind.Html => "text/html",
        _ => "audio/mpeg",
    };

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 => _sha256.Value;

    public Stream OpenRead() => new GeneratedStream(Header(), Size, Seed);

    private byte[] Header() => Kind switch
    {
        RecordingKind.Wav => [.. "RIFF"u8, .. BitConverter.GetBytes((uint)Math.Min(Size - 8, uint.MaxValue)), .. "WAVEfmt "u8],
        RecordingKind.Html => Encoding.ASCII.GetBytes("<!DOCTYPE html><html><body>Not found</body></html>"),
        _ => [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0],
    };

    private sealed class GeneratedStream(byte[] header, long size, int seed) : Stream
    {
        private readonly Random _random = new(seed);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => size;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, size - _position);
            if (count <= 0)
            {
                return 0;
            }

            var target = buffer[..count];
            _random.NextBytes(target);
            if (_position < header.Length)
            {
                var fromHeader = (int)Math.Min(header.Length - _position, count);
                header.AsSpan((int)_position, fromHeader).CopyTo(target);
            }

            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
