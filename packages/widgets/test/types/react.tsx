// Type test (tsc -p test/types/tsconfig.react.json): the Kiosk elements in React 19 JSX.
import type {} from '../../src/frameworks/react.js';

export function Shop() {
  return (
    <kiosk-store endpoint="https://api.example" store-key="pk_test_aurora" currency="EUR">
      <kiosk-product-card
        product="aurora-classic-tee"
        layout="row"
        locale="de"
        onkiosk-add-to-cart={(event) => {
          const quantity: number = event.detail.quantity;
          const title: string = event.detail.product.title;
          return [quantity, title];
        }}
        onkiosk-error={(event) => event.detail.error.code}
      />
      <kiosk-product-card
        product="aurora-classic-tee"
        ref={(el) => {
          // the attribution code, as docs/widgets/README.md shows it for React
          if (el) el.ref = 'ana';
        }}
      />
      <kiosk-mini-cart
        open={false}
        placement="bottom-end"
        onkiosk-checkout={(event) => {
          event.preventDefault();
          return event.detail.cart.total.amount;
        }}
      />
      <kiosk-review-list product="aurora-classic-tee" sort="helpful" rating={5} page-size={10} />
      <kiosk-login-button
        mode="redirect"
        onkiosk-login={(event) => event.detail.customer.email}
        ref={(el) => {
          // React's ref: the element itself, typed (the card's attribution `ref` is a property here)
          if (el) el.mode = 'popup';
        }}
      />
      {/* @ts-expect-error a layout the card doesn't have */}
      <kiosk-product-card layout="grid" />
      {/* @ts-expect-error sort takes the API's orders only */}
      <kiosk-review-list sort="newest" />
      <kiosk-product-card
        // @ts-expect-error the add-to-cart detail has no price
        onkiosk-add-to-cart={(event) => event.detail.price}
      />
    </kiosk-store>
  );
}
