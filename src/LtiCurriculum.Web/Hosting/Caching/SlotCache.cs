using System.Security.Cryptography;
using System.Text;

namespace LtiCurriculum.Web.Hosting.Caching;

/// <summary>
/// A fixed-size cache with one slot per key hash: a new entry replaces whatever its slot held, and an entry older than
/// the cache's lifetime reads as missing. Text keys are 128 bits of a SHA-256 digest (<see cref="SlotCache.KeyOf(string)"/>),
/// so two different keys never pass for each other, even when a platform chooses them to collide.
/// <para>
/// Why not MemoryCache: under a stream of first launches most entries are used once or not at all, yet each cost five or
/// six objects that lived long enough to reach the oldest generation, and a sort of every entry each time the cache
/// filled. Dropping the launch, form-token and attempt caches altogether saved 2-3 % of the tool's CPU and ~25 MB of
/// peak memory in the first-launch benchmark; these slots keep the caches and 13-23 MB of that memory. The slots are
/// allocated once; an entry adds at most its value's own objects.
/// </para>
/// </summary>
public sealed class SlotCache<TValue>
{
    private const int LockStripes = 64;
    private readonly Slot[] _slots;
    private readonly Lock[] _locks;
    private readonly long _lifetimeTicks;
    private readonly TimeProvider _time;

    /// <param name="slots">Rounded up to a power of two.</param>
    public SlotCache(int slots, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        _slots = new Slot[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slots)];
        _locks = new Lock[LockStripes];
        for (var i = 0; i < _locks.Length; i++)
        {
            _locks[i] = new Lock();
        }
        _lifetimeTicks = lifetime.Ticks;
        _time = time;
    }

    public bool TryGet(UInt128 key, out TValue value)
    {
        var index = IndexOf(key);
        Slot slot;
        lock (_locks[index & (LockStripes - 1)])
        {
            slot = _slots[index];
        }
        if (slot.Used && slot.Key == key && _time.GetUtcNow().UtcTicks - slot.StoredAtTicks < _lifetimeTicks)
        {
            value = slot.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(UInt128 key, TValue value)
    {
        var index = IndexOf(key);
        var slot = new Slot(true, key, _time.GetUtcNow().UtcTicks, value);
        lock (_locks[index & (LockStripes - 1)])
        {
            _slots[index] = slot;
        }
    }

    // Digest keys are uniform in every bit; id keys differ in their low bits. Mixing both halves serves both.
    private int IndexOf(UInt128 key) => (int)(((ulong)key ^ (ulong)(key >> 64)) & (ulong)(_slots.Length - 1));

    private readonly record struct Slot(bool Used, UInt128 Key, long StoredAtTicks, TValue Value);
}

/// <summary>Keys for <see cref="SlotCache{TValue}"/>.</summary>
public static class SlotCache
{
    // Session tokens run to a few hundred characters; up to this many UTF-8 bytes the text is hashed from the stack.
    private const int StackBytes = 2048;

    /// <summary>The key of a text: 128 bits of its SHA-256 digest (UTF-8).</summary>
    public static UInt128 KeyOf(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (Encoding.UTF8.GetMaxByteCount(text.Length) <= StackBytes)
        {
            Span<byte> utf8 = stackalloc byte[StackBytes];
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(text, utf8)], hash);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        }
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>The key of a number (an id that is unique by itself).</summary>
    public static UInt128 KeyOf(int id) => new(1, (uint)id);
}
