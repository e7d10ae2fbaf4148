/** Name of the domain event emitted when an order leaves the warehouse. */
export const ORDER_SHIPPED = 'order.shipped';

/** Payload of {@link ORDER_SHIPPED}. */
export interface OrderShippedEvent {
  orderId: string;
  customerPhone: string;
  trackingVideoUrl: string;
}
