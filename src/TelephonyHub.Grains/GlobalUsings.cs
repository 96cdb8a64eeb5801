global using System.Collections.Frozen;
global using System.Collections.Immutable;
global using Microsoft.Extensions.Logging;
global using Orleans;
global using Orleans.Concurrency;
global using Orleans.Runtime;
global using TelephonyHub.Abstractions.Pbx;
global using TelephonyHub.Abstractions.Calls;
