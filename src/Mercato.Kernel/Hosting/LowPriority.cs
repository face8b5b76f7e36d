using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Mercato.Kernel.Hosting;

/// <summary>
/// Runs background work on a thread of its own at a lower CPU priority (Linux nice 10), its continuations included: on
/// the two cores of a small container, a load that takes seconds of CPU (the facet index of a large catalog) would
/// otherwise take half the machine from the requests, and from the start-up that readiness waits for. On other systems
/// the thread keeps the normal priority.
/// </summary>
public static partial class LowPriority
{
    private const int NiceIncrement = 10;

    public static Task RunAsync(Func<Task> work, string threadName)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower();
            var context = new OneThreadContext();
            SynchronizationContext.SetSynchronizationContext(context);
            Task task;
            try
            {
                task = work();
            }
            catch (Exception e)
            {
                task = Task.FromException(e);
            }
            task.ContinueWith(_ => context.Complete(), TaskScheduler.Default);
            context.Run();
            if (task.IsCanceled) done.TrySetCanceled();
            else if (task.Exception is { } failed) done.TrySetException(failed.InnerExceptions);
            else done.TrySetResult();
        })
        { IsBackground = true, Name = threadName };
        thread.Start();
        return done.Task;
    }

    /// <summary>Linux gives each thread its own nice value: this lowers the calling thread's only.</summary>
    private static void Lower()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = SetPriority(PriorityProcess, GetThreadId(), NiceIncrement);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without these calls: the work runs at the normal priority.
        }
    }

    private const int PriorityProcess = 0;

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    /// <summary>Runs the posted continuations on the thread that calls <see cref="Run"/>, until <see cref="Complete"/>.</summary>
    private sealed class OneThreadContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state)
        {
            try
            {
                _queue.Add((d, state));
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // Posted after the work completed (nothing of the work waits for it): the thread pool runs it.
                ThreadPool.QueueUserWorkItem(s => d(s), state, preferLocal: false);
            }
        }

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Send is not supported on this context.");

        public void Run()
        {
            foreach (var (callback, state) in _queue.GetConsumingEnumerable()) callback(state);
            _queue.Dispose();
        }

        public void Complete() => _queue.CompleteAdding();
    }
}
