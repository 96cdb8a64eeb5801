using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TelephonyHub.Silo.Storage.GrainState;

/// <summary>
/// Sends the statements of many grains together (group commit): while a round trip is under way, the statements that
/// arrive meanwhile wait and leave together in the next one, as one <see cref="NpgsqlBatch"/>. A batch is one implicit
/// transaction, so it costs PostgreSQL one commit and the silo one connection rent and one network exchange, where
/// each statement on its own cost all three (issue 10: ~13 grain writes per call, each its own round trip).
/// </summary>
/// <remarks>
/// A statement's caller learns its outcome only after the whole batch is committed; until then nothing is stored. A
/// batch that fails on one statement (PostgreSQL rolls the whole batch back) is sent again one statement at a time,
/// so only the faulty statement fails. A lost connection fails every statement of its batch, as it would have failed
/// each on its own; the grains retry as they do for any storage error.
/// </remarks>
public sealed partial class RoundTripBatcher : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxStatements;
    private readonly ILogger _logger;
    private readonly Channel<QueuedStatement> _queue =
        Channel.CreateUnbounded<QueuedStatement>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Task[] _senders;
    private long _roundTrips;
    private long _statements;

    /// <param name="dataSource">The connections (owned: disposed with the batcher).</param>
    /// <param name="maxStatements">Most statements in one round trip.</param>
    /// <param name="concurrentRoundTrips">Round trips under way at once (each holds a connection).</param>
    /// <param name="logger">Where a batch that had to be split up is reported.</param>
    public RoundTripBatcher(NpgsqlDataSource dataSource, int maxStatements, int concurrentRoundTrips, ILogger<RoundTripBatcher> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStatements, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentRoundTrips, 1);
        _dataSource = dataSource;
        _maxStatements = maxStatements;
        _logger = logger;
        _senders = [.. Enumerable.Range(0, concurrentRoundTrips).Select(_ => Task.Run(SendLoopAsync))];
    }

    /// <summary>Round trips made so far.</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>Statements committed or answered so far.</summary>
    public long Statements => Interlocked.Read(ref _statements);

    /// <summary>
    /// Runs <paramref name="command"/> in the next round trip and answers <paramref name="readRow"/> of its first row,
    /// or <see langword="default"/> when it returned none; once the round trip is committed.
    /// </summary>
    /// <param name="command">Builds the statement (again, should its batch have to be split up).</param>
    /// <param name="readRow">Reads the answer from the statement's first row.</param>
    /// <exception cref="ObjectDisposedException">The silo is shutting down and its storage is closed.</exception>
    public Task<T?> ExecuteAsync<T>(Func<NpgsqlBatchCommand> command, Func<NpgsqlDataReader, T> readRow)
    {
        var statement = new QueuedStatement<T>(command, readRow);
        if (!_queue.Writer.TryWrite(statement))
        {
            throw new ObjectDisposedException(nameof(RoundTripBatcher), "The grain storage is closed: the silo is shutting down.");
        }

        return statement.Answer;
    }

    /// <summary>Stops taking statements, sends those already taken, then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_senders);
        await _dataSource.DisposeAsync();
    }

    /// <summary>
    /// As <see cref="DisposeAsync"/>, for a host disposed synchronously (a silo that failed to start): a container
    /// holding an only-async disposable would throw there and hide the failure.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task SendLoopAsync()
    {
        var batch = new List<QueuedStatement>(_maxStatements);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxStatements && _queue.Reader.TryRead(out var statement))
            {
                batch.Add(statement);
            }

            if (batch.Count > 0)
            {
                await SendAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task SendAsync(List<QueuedStatement> batch)
    {
        try
        {
            await RoundTripAsync(batch);
            return;
        }
        catch (PostgresException ex) when (batch.Count > 1)
        {
            LogSplitting(_logger, batch.Count, ex.SqlState);
        }
        catch (Exception ex)
        {
            batch.ForEach(statement => statement.Fail(ex));
            return;
        }

        foreach (var statement in batch)
        {
            try
            {
                await RoundTripAsync([statement]);
            }
            catch (Exception ex)
            {
                statement.Fail(ex);
            }
        }
    }

    private async Task RoundTripAsync(List<QueuedStatement> statements)
    {
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var batch = new NpgsqlBatch(connection))
        {
            statements.ForEach(statement => batch.BatchCommands.Add(statement.CreateCommand()));
            await using var reader = await batch.ExecuteReaderAsync();
            foreach (var statement in statements)
            {
                statement.Read(reader, await reader.ReadAsync());
                await reader.NextResultAsync();
            }
        }

        // Only now, with the batch's transaction committed, is any of it stored.
        Interlocked.Increment(ref _roundTrips);
        Interlocked.Add(ref _statements, statements.Count);
        statements.ForEach(statement => statement.Complete());
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A grain storage batch of {Statements} statements failed on one of them ({SqlState}); sending them one by one.")]
    private static partial void LogSplitting(ILogger logger, int statements, string sqlState);

    private abstract class QueuedStatement
    {
        public abstract NpgsqlBatchCommand CreateCommand();

        public abstract void Read(NpgsqlDataReader reader, bool hasRow);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class QueuedStatement<T>(Func<NpgsqlBatchCommand> command, Func<NpgsqlDataReader, T> readRow) : QueuedStatement
    {
        // Asynchronous continuations: the grain code waiting for its write must not run on the sending loop.
        private readonly TaskCompletionSource<T?> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _row;
        private Exception? _unreadable;

        public Task<T?> Answer => _answer.Task;

        public override NpgsqlBatchCommand CreateCommand() => command();

        public override void Read(NpgsqlDataReader reader, bool hasRow)
        {
            try
            {
                _row = hasRow ? readRow(reader) : default;
                _unreadable = null;
            }
            catch (Exception ex) when (ex is InvalidCastException or FormatException or ArgumentException or InvalidOperationException)
            {
                // This statement's answer is unreadable; the batch and the other answers are fine.
                _unreadable = ex;
            }
        }

        public override void Complete()
        {
            if (_unreadable is { } error)
            {
                _answer.TrySetException(error);
            }
            else
            {
                _answer.TrySetResult(_row);
            }
        }

        public override void Fail(Exception exception) => _answer.TrySetException(exception);
    }
}
