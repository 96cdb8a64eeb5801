global using System.Collections.Frozen;
global using System.Collections.Immutable;
global using Microsoft.Extensions.Logging;
global using Orleans;
global using TelephonyHub.Abstractions.Calls;
