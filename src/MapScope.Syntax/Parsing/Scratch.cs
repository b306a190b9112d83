namespace MapScope.Syntax;

/// <summary>
/// A stack of list elements under construction. Nested lists push above their parent's elements and are
/// popped into exactly sized lists, so building a list allocates only the list itself.
/// </summary>
internal sealed class Scratch<T> where T : class
{
    private T[] _items = new T[256];
    private int _count;

    public int Mark => _count;

    public void Push(T item)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
        _items[_count++] = item;
    }

    /// <summary>Moves the elements pushed since <paramref name="mark"/> into a new list of exact size.</summary>
    public List<T> PopList(int mark)
    {
        int n = _count - mark;
        var list = new List<T>(n);
        for (int i = mark; i < _count; i++) list.Add(_items[i]);
        Array.Clear(_items, mark, n);
        _count = mark;
        return list;
    }
}
