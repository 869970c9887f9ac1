using System.Globalization;
using System.Security.Cryptography;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The tools registered by LTI Dynamic Registration, in the order they registered; at most <see cref="Capacity"/>.
/// Thread-safe. Client ids and deployment ids are made as each platform makes them: Moodle's client id is the
/// registration token's <c>sub</c> and its deployment id the tool type's number; Canvas' client id is a developer key
/// number and its deployment id <c>{number}:{account guid}</c>.
/// </summary>
internal sealed class DynamicRegistrations
{
    public const int Capacity = 100;

    private readonly List<DynamicRegistration> registrations = [];
    private readonly Lock gate = new();
    private int lastNumber;

    /// <summary>A fresh Canvas developer key number as a client id.</summary>
    public string NextCanvasClientId() =>
        (10000000000000L + Interlocked.Increment(ref lastNumber)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A deployment id in the flavour's shape.</summary>
    public string NextDeploymentId(string flavour)
    {
        var number = Interlocked.Increment(ref lastNumber) + 1;
        return flavour == RegistrationNames.Canvas
            ? $"{number}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20))}"
            : number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the registration; false when its client id is taken (a reused Moodle token) or the store is full.</summary>
    public bool TryAdd(DynamicRegistration registration)
    {
        lock (gate)
        {
            if (registrations.Count >= Capacity || registrations.Any(known => known.ClientId == registration.ClientId))
            {
                return false;
            }

            registrations.Add(registration);
            return true;
        }
    }

    public bool IsFull
    {
        get
        {
            lock (gate)
            {
                return registrations.Count >= Capacity;
            }
        }
    }

    public DynamicRegistration? Find(string? clientId)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }

        lock (gate)
        {
            return registrations.FirstOrDefault(known => known.ClientId == clientId);
        }
    }

    public IReadOnlyList<DynamicRegistration> All()
    {
        lock (gate)
        {
            return [.. registrations];
        }
    }
}
