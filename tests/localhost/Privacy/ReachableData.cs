using System.Reflection;
using System.Runtime.CompilerServices;

namespace AsyncCommerce.LocalHost.Tests.Privacy;

/// <summary>
/// Every string and byte array reachable through the fields of some roots (the in-memory stores, the in-memory
/// workflow backend): what an in-memory store holds, whatever its private shape. Loggers, options, the service
/// container, reflection objects and the types a caller names as outside the stores are not followed: they are not
/// stores, and the first ones lead to everything.
/// </summary>
internal sealed class ReachableData
{
    private const int MaxObjects = 5_000_000;
    private static readonly string[] NotFollowed = ["Microsoft.Extensions.Logging", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Options", "System.Reflection"];

    private readonly Dictionary<object, (object Parent, string Field)> _parents = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyList<Type> _outside;

    private ReachableData(IReadOnlyList<Type> outside) => _outside = outside;

    public List<string> Strings { get; } = [];

    public List<byte[]> Bytes { get; } = [];

    /// <param name="outside">Types that stand for the world outside the stores (an email provider): not followed.</param>
    public static ReachableData Of(IReadOnlyList<Type> outside, params object[] roots)
    {
        var data = new ReachableData(outside);
        data.Walk(roots);
        return data;
    }

    /// <summary>How <paramref name="found"/> was reached from a root: the owning types and fields, innermost first.</summary>
    public string PathTo(object found)
    {
        var steps = new List<string>();
        for (var current = found; _parents.TryGetValue(current, out var link) && steps.Count < 12; current = link.Parent)
            steps.Add($"{link.Parent.GetType().Name}.{link.Field}");
        return string.Join(" < ", steps);
    }

    private void Walk(object[] roots)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>(roots);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!current.GetType().IsValueType && !seen.Add(current))
                continue;
            if (seen.Count > MaxObjects)
                throw new InvalidOperationException($"More than {MaxObjects} objects reachable: the walk left the stores.");

            switch (current)
            {
                case string text:
                    Strings.Add(text);
                    continue;
                case byte[] data:
                    Bytes.Add(data);
                    continue;
                case char[] characters:
                    Strings.Add(new string(characters));
                    continue;
                case Array array:
                    PushElements(array, pending);
                    continue;
            }

            if (IsFollowed(current.GetType()))
                PushFields(current, pending);
        }
    }

    private void PushElements(Array array, Stack<object> pending)
    {
        var element = array.GetType().GetElementType()!;
        if (element.IsPrimitive || element.IsPointer || element.IsEnum)
            return;
        foreach (var item in array)
        {
            if (item is not null)
                Push(array, "[]", item, pending);
        }
    }

    private void PushFields(object instance, Stack<object> pending)
    {
        for (var type = instance.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsPrimitive || field.FieldType.IsEnum || field.FieldType.IsByRefLike)
                    continue;
                if (field.GetValue(instance) is { } value and not Pointer)
                    Push(instance, field.Name, value, pending);
            }
        }
    }

    private void Push(object parent, string field, object child, Stack<object> pending)
    {
        if (!child.GetType().IsValueType)
            _parents.TryAdd(child, (parent, field));
        pending.Push(child);
    }

    private bool IsFollowed(Type type) =>
        !type.IsPrimitive
        && !typeof(Delegate).IsAssignableFrom(type)
        && !typeof(MemberInfo).IsAssignableFrom(type)
        && !typeof(Thread).IsAssignableFrom(type)
        && !typeof(ExecutionContext).IsAssignableFrom(type)
        && !typeof(SynchronizationContext).IsAssignableFrom(type)
        && !typeof(IServiceProvider).IsAssignableFrom(type)
        && type != typeof(ConditionalWeakTable<,>)
        && !_outside.Any(outside => outside.IsAssignableFrom(type))
        && !NotFollowed.Any(prefix => type.Namespace?.StartsWith(prefix, StringComparison.Ordinal) == true);
}
