using Xunit.Sdk;

namespace AsyncCommerce.Adapters.Behaviours.Support;

/// <summary>
/// A fact of a shared behavioural suite. It runs like <see cref="FactAttribute"/>, except that when the concrete test
/// class declares something it needs (<see cref="RequiresEnvironmentVariableAttribute"/>) and that is missing, the
/// fact is reported skipped with the reason: xunit 2 has no dynamic skip, and the suite's base class cannot know
/// which adapter it runs against.
/// </summary>
[XunitTestCaseDiscoverer("AsyncCommerce.Adapters.Behaviours.Support.BehaviourFactDiscoverer", "AsyncCommerce.Adapters.Behaviours")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BehaviourFactAttribute : FactAttribute;
