namespace TaxiHailing.Contracts;

/// <summary>
/// A request: a message that asks for answers of type <typeparamref name="TReply"/>, sent to the channel its reply-to
/// header names with its correlation id echoed. The contract documents (AsyncAPI) read the pairs from this.
/// </summary>
public interface IRequest<TReply> : IMessage where TReply : IMessage;
