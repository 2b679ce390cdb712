using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncCommerce.Adapters.Behaviours.Support;

/// <summary>Discovers <see cref="BehaviourFactAttribute"/> facts as <see cref="BehaviourTestCase"/>s.</summary>
public sealed class BehaviourFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new BehaviourTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

/// <summary>
/// A fact whose skip reason also comes from the concrete test class's requirements. It is computed whenever the
/// case is initialized (at discovery and again when it runs), so it always reflects the environment of the run.
/// </summary>
public sealed class BehaviourTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BehaviourTestCase()
    {
    }

    public BehaviourTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? MissingRequirement(TestMethod.TestClass.Class.ToRuntimeType())!;

    private static string? MissingRequirement(Type testClass) =>
        testClass.GetCustomAttributes<RequiresEnvironmentVariableAttribute>(inherit: true)
            .Select(requirement => requirement.SkipReason())
            .FirstOrDefault(reason => reason is not null);
}
